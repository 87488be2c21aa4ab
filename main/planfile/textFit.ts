// Estimates how many lines a wrapped cell needs. Excel and LibreOffice do not grow rows
// when they open a file, so the writer sets every row's height itself; the estimate is
// deliberately generous (a fallback font may be wider than Calibri).

/** Points per line of 11-pt Calibri, with some air. */
export const LINE_HEIGHT_PT = 15;
/** Excel's largest row height. */
export const MAX_ROW_HEIGHT_PT = 409;

// Width of a character relative to the digit "0" (the unit of column widths), rounded up.
function charWidth(ch: string, bold: boolean): number {
  let w: number;
  if (ch === ' ') w = 0.55;
  else if (/[iljtfrI.,;:'!|()[\]]/.test(ch)) w = 0.6;
  else if (/[mwMWÑ@%]/.test(ch)) w = 1.5;
  else if (/[A-ZÁÉÍÓÚÜ]/.test(ch)) w = 1.2;
  else w = 1.0;
  return bold ? w * 1.1 : w;
}

function textWidth(text: string, bold: boolean): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch, bold);
  return w;
}

/** Lines `text` takes in a column `width` characters wide, wrapping at spaces like Excel does. */
export function wrappedLines(text: string, width: number, bold = false): number {
  // Cell padding and the grid line take about one character.
  const room = Math.max(1, width - 1.5);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/ +/).filter(Boolean);
    if (words.length === 0) {
      lines++;
      continue;
    }
    let line = 0;
    let used = 0;
    for (const word of words) {
      const w = textWidth(word, bold);
      const space = used > 0 ? charWidth(' ', bold) : 0;
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      // A word wider than the column is broken over several lines.
      const pieces = Math.max(1, Math.ceil(w / room));
      line += pieces;
      used = w - (pieces - 1) * room;
    }
    lines += line;
  }
  return Math.max(1, lines);
}

/** Height (points) the cells need at a font size (11 is the default), without Excel's cap. */
export function neededRowHeight(cells: { text: string; width: number; bold?: boolean }[], fontSize = 11): number {
  const scale = fontSize / 11;
  let lines = 1;
  for (const c of cells) if (c.text) lines = Math.max(lines, wrappedLines(c.text, c.width / scale, c.bold ?? false));
  // One line of slack per ten, plus padding: rather a little white space than a cut word.
  return Math.ceil((lines + Math.ceil(lines / 10)) * LINE_HEIGHT_PT * scale + 4);
}

/** Row height (points) for cells of the given texts and widths, within Excel's limit. */
export function rowHeightFor(cells: { text: string; width: number; bold?: boolean }[], fontSize = 11): number {
  return Math.min(MAX_ROW_HEIGHT_PT, neededRowHeight(cells, fontSize));
}

/** The largest font size (down to 6) at which the cells fit in Excel's tallest row. */
export function fittingFontSize(cells: { text: string; width: number }[]): number {
  for (let size = 11; size > 6; size--) if (neededRowHeight(cells, size) <= MAX_ROW_HEIGHT_PT) return size;
  return 6;
}
