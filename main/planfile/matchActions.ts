// Which saved action each action of a plan file updates. Pure: the preview's diff and the
// update both use it, so the update does exactly what the preview said.
//
// Actions are matched by the number written in the file's No. column, so deleting a row or
// appending one changes only that action (and what links to the others, such as a survey
// indicator, stays on the right action). When the numbers cannot identify actions (one is
// missing, not a positive whole number, or repeated) they are matched by position instead.
// Mejora renumbers 1..n after an update, so a file edited before that update still carries
// the old numbers: when matching by position pairs more actions with the same text than
// matching by number does, position wins.

export interface ActionMatching {
  /** True when matched by the file's numbers, false when by position. */
  byNumber: boolean;
  /** Parallel to the file's actions: the index of the saved action it updates, or null for a new action. */
  existingIndex: (number | null)[];
  /** Indexes of the saved actions no file action updates (they are deleted), ascending. */
  removed: number[];
  /** Parallel to the file's actions: the number that identifies it in the preview (the file's number, or its position). */
  displayNo: number[];
}

/** True when every file number is present, a positive whole number and unique. */
export function numbersIdentifyActions(fileNos: readonly (number | null)[]): boolean {
  const seen = new Set<number>();
  for (const no of fileNos) {
    if (no === null || !Number.isInteger(no) || no < 1 || seen.has(no)) return false;
    seen.add(no);
  }
  return true;
}

function byPosition(existingCount: number, fileCount: number): ActionMatching {
  return {
    byNumber: false,
    existingIndex: Array.from({ length: fileCount }, (_, i) => (i < existingCount ? i : null)),
    removed: Array.from({ length: existingCount }, (_, i) => i).filter((i) => i >= fileCount),
    displayNo: Array.from({ length: fileCount }, (_, i) => i + 1),
  };
}

/**
 * existingNos: the saved actions' numbers, in order; fileNos: the file's No. column, in file
 * order; sameAction(existingIndex, fileIndex): whether the two carry the same action text.
 */
export function matchActions(
  existingNos: readonly number[],
  fileNos: readonly (number | null)[],
  sameAction: (existingIndex: number, fileIndex: number) => boolean = () => false,
): ActionMatching {
  const positional = byPosition(existingNos.length, fileNos.length);
  if (!numbersIdentifyActions(fileNos)) return positional;
  const indexOfNo = new Map(existingNos.map((no, i) => [no, i]));
  const existingIndex = fileNos.map((no) => indexOfNo.get(no!) ?? null);
  const used = new Set(existingIndex.filter((i): i is number => i !== null));
  const byNumber: ActionMatching = {
    byNumber: true,
    existingIndex,
    removed: existingNos.map((_, i) => i).filter((i) => !used.has(i)),
    displayNo: fileNos.map((no) => no!),
  };
  const same = (m: ActionMatching) => m.existingIndex.filter((e, f) => e !== null && sameAction(e, f)).length;
  return same(positional) > same(byNumber) ? positional : byNumber;
}
