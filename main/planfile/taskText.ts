// Tasks live in one cell: `1. …` line break `2. …`, `2)`, bullets, or one per line.

// A line that starts a new task: "1. ", "2) ", "3 - ", "a) ", "• ", "- ", "* ".
const MARKER = /^\s*(?:\d{1,3}\s*[.)\-–:]\s+|[a-z]\)\s+|[•·▪▫◦‣⁃●○■□►▶➢➤✓✔*\-–—]\s*)/i;

export function splitTasks(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\u00a0\t ]+/g, ' ').trim());
  const hasMarkers = lines.some((l) => MARKER.test(l));
  const tasks: string[] = [];
  if (hasMarkers) {
    for (const line of lines) {
      if (!line) continue;
      if (MARKER.test(line) || tasks.length === 0) tasks.push(line.replace(MARKER, '').trim());
      // A line without a marker continues the task above (a task written over two lines).
      else tasks[tasks.length - 1] += '\n' + line;
    }
  } else {
    for (const line of lines) if (line) tasks.push(line);
  }
  const single = lines.filter(Boolean);
  if (single.length === 1 && /^1\s*[.)]\s/.test(single[0]!)) return splitInlineNumbers(tasks[0]!).filter((t) => t.length > 0);
  return tasks.filter((t) => t.length > 0);
}

/** "1. Convocar. 2. Levantar actas. 3. Publicar" written on one line. */
function splitInlineNumbers(task: string): string[] {
  const parts: string[] = [];
  let rest = task;
  for (let n = 2; ; n++) {
    const re = new RegExp(`\\s${n}\\s*[.)]\\s+`);
    const m = re.exec(rest);
    if (!m) break;
    parts.push(rest.slice(0, m.index).trim());
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest.trim());
  return parts;
}

/** "1. …\n2. …" — the cell the exported file shows. */
export function formatTasks(tasks: readonly { text: string }[]): string {
  return tasks.map((t, i) => `${i + 1}. ${t.text}`).join('\n');
}
