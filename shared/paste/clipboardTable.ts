// Rows copied from Excel or LibreOffice Calc arrive as text/plain: cells separated by tabs,
// rows by CRLF (Excel on Windows) or LF; a cell holding a line break (Alt+Intro), a tab or a
// quote is wrapped in double quotes, with its own quotes doubled. This splits that text back
// into cells, in linear time whatever the text (2 MB of quotes included).

export interface ClipboardTable {
  rows: string[][];
  /** Widest row, counting only up to its last non-empty cell. */
  width: number;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;

export function splitClipboardTable(text: string): ClipboardTable {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = s.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  // Once a quote never closes, no later quote can: every later quoted-looking cell is literal.
  let unbalanced = false;

  const readPlain = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === TAB || c === LF || c === CR) break;
      j++;
    }
    row.push(s.slice(from, j));
    return j;
  };

  while (i <= n) {
    if (i < n && s.charCodeAt(i) === QUOTE && !unbalanced) {
      let j = i + 1;
      let cell = '';
      let chunk = j;
      let closed = -1;
      while (j < n) {
        if (s.charCodeAt(j) === QUOTE) {
          if (s.charCodeAt(j + 1) === QUOTE) {
            cell += s.slice(chunk, j + 1);
            j += 2;
            chunk = j;
            continue;
          }
          closed = j;
          break;
        }
        j++;
      }
      const next = closed + 1;
      const ends = closed >= 0 && (next === n || [TAB, LF, CR].includes(s.charCodeAt(next)));
      if (ends) {
        row.push((cell + s.slice(chunk, closed)).replace(/\r\n?/g, '\n'));
        i = next;
      } else {
        if (closed < 0) unbalanced = true;
        i = readPlain(i);
      }
    } else {
      i = readPlain(i);
    }
    // After a cell: a tab (next cell), a line break (next row) or the end.
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = s.charCodeAt(i);
    if (c === TAB) {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
    if (i >= n) break; // the line break that ends the last row (Excel always writes one)
  }

  // Trailing empty cells and rows say nothing.
  let width = 0;
  for (const r of rows) {
    while (r.length && !r[r.length - 1]!.trim()) r.pop();
    width = Math.max(width, r.length);
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return { rows, width };
}

/** Writes rows the way Excel puts them on the clipboard (for tests and for copying out). */
export function joinClipboardTable(rows: readonly (readonly string[])[], newline: '\r\n' | '\n' = '\r\n'): string {
  const cell = (v: string) => (/[\t\n\r"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join('\t')).join(newline) + newline;
}
