// Google Sheets (and Kobo) downloads are cumulative: the file of the second wave still holds
// the first wave's rows. A respondent already stored in an earlier wave of the same form is
// recognised by its row content (its answers and its timestamp) and left out of the new wave.
import type { Database } from 'better-sqlite3';
import { getColumns, loadAnswers, surveysOfForm } from './store.ts';
import type { ColumnData, ParsedSurvey } from './model.ts';

type Cells = { key: string; data: ColumnData }[];

/** One respondent's signature over the given column keys (in order) and its date. */
function signature(cells: Cells, keys: readonly string[], dates: ColumnData, row: number): string {
  const byKey = new Map<string, string[]>();
  for (const c of cells) {
    const list = byKey.get(c.key) ?? [];
    list.push(c.data.dict[c.data.codes[row]!]!);
    byKey.set(c.key, list);
  }
  return [dates.dict[dates.codes[row]!] ?? '', ...keys.map((k) => (byKey.get(k) ?? []).join('\u0002'))].join('\u0001');
}

/** Which rows of the parsed file an earlier wave of the form already holds (true = already stored). */
export function rowsAlreadyStored(db: Database, formId: number, parsed: ParsedSurvey): boolean[] {
  const seen = new Array<boolean>(parsed.respondents).fill(false);
  const mine = parsed.columns.map((c) => ({ key: c.key, data: c.data }));
  const myKeys = new Set(mine.map((c) => c.key));
  for (const wave of surveysOfForm(db, formId)) {
    const answers = loadAnswers(db, wave.id);
    const theirs: Cells = getColumns(db, wave.id).map((c, i) => ({ key: c.key, data: answers.columns[i]! }));
    // Only the questions both files ask: a column added to the form must not hide old rows.
    const keys = [...new Set(theirs.map((c) => c.key).filter((k) => myKeys.has(k)))].sort();
    if (!keys.length) continue;
    const stored = new Map<string, number>();
    for (let r = 0; r < answers.rowNumbers.length; r++) {
      const sig = signature(theirs, keys, answers.dates, r);
      stored.set(sig, (stored.get(sig) ?? 0) + 1);
    }
    for (let r = 0; r < parsed.respondents; r++) {
      if (seen[r]) continue;
      const sig = signature(mine, keys, parsed.dates, r);
      const left = stored.get(sig) ?? 0;
      // A count, not a set: two identical answers in the new file are two people.
      if (left > 0) {
        seen[r] = true;
        stored.set(sig, left - 1);
      }
    }
  }
  return seen;
}

function keepRows(data: ColumnData, keep: Int32Array): ColumnData {
  const dict = [''];
  const index = new Map<string, number>([['', 0]]);
  const codes = new Int32Array(keep.length);
  keep.forEach((row, i) => {
    const value = data.dict[data.codes[row]!]!;
    let code = index.get(value);
    if (code === undefined) {
      code = dict.length;
      dict.push(value);
      index.set(value, code);
    }
    codes[i] = code;
  });
  return { dict, codes };
}

/** The parsed survey without the rows marked true. */
export function withoutRows(parsed: ParsedSurvey, drop: readonly boolean[]): ParsedSurvey {
  const keep = Int32Array.from(drop.flatMap((d, i) => (d ? [] : [i])));
  return {
    ...parsed,
    columns: parsed.columns.map((c) => ({ ...c, data: keepRows(c.data, keep) })),
    respondents: keep.length,
    rowNumbers: Int32Array.from(keep, (r) => parsed.rowNumbers[r]!),
    dates: keepRows(parsed.dates, keep),
  };
}
