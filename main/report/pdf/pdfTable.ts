// Tables for the reports: a header (one or more rows, cells may span columns or rows)
// repeated at the top of every page the table reaches; rows are never split across pages,
// except a row taller than a whole page, which continues line by line on the next ones
// (its text is never cut).
import type { FontName } from './fonts.ts';
import { COLORS } from './pdfDocument.ts';
import type { PdfBuilder, TextStyle } from './pdfDocument.ts';

export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  width: number;
  align?: Align;
}

export interface HeaderCell {
  text: string;
  span?: number;
  rowSpan?: number;
}

export interface TableCell {
  text: string;
  font?: FontName;
  color?: string;
  fill?: string;
  align?: Align;
}

export interface TableSpec {
  columns: TableColumn[];
  header: HeaderCell[][];
  rows: (string | TableCell)[][];
  size?: number;
  headerSize?: number;
  padding?: number;
  zebra?: boolean;
}

interface PlacedHeader {
  text: string;
  col: number;
  span: number;
  row: number;
  rowSpan: number;
}

function placeHeader(header: HeaderCell[][], columns: number): PlacedHeader[] {
  const taken: boolean[][] = header.map(() => new Array<boolean>(columns).fill(false));
  const out: PlacedHeader[] = [];
  header.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < columns && taken[r]![c]) c++;
      if (c >= columns) break;
      const span = Math.min(cell.span ?? 1, columns - c);
      const rowSpan = Math.min(cell.rowSpan ?? 1, header.length - r);
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + span; cc++) taken[rr]![cc] = true;
      out.push({ text: cell.text, col: c, span, row: r, rowSpan });
      c += span;
    }
  });
  return out;
}

export function drawTable(b: PdfBuilder, t: TableSpec): void {
  const size = t.size ?? 7.5;
  const headerSize = t.headerSize ?? size;
  const pad = t.padding ?? 3;
  const x0 = b.left;
  const xs: number[] = [x0];
  for (const c of t.columns) xs.push(xs[xs.length - 1]! + c.width);
  const tableRight = xs[xs.length - 1]!;
  const headStyle: TextStyle = { font: 'semibold', size: headerSize, color: COLORS.text, leading: 1.2 };
  const bodyStyle: TextStyle = { font: 'regular', size, color: COLORS.text, leading: 1.3 };
  const headLh = b.lineHeight(headStyle);
  const bodyLh = b.lineHeight(bodyStyle);

  // Header geometry, worked out once.
  const placed = placeHeader(t.header, t.columns.length);
  const spanWidth = (p: PlacedHeader) => xs[p.col + p.span]! - xs[p.col]! - 2 * pad;
  const headLines = placed.map((p) => b.lines(p.text, spanWidth(p), headStyle));
  const rowHeights = t.header.map(() => headLh + 2 * pad);
  placed.forEach((p, i) => {
    if (p.rowSpan === 1) rowHeights[p.row] = Math.max(rowHeights[p.row]!, headLines[i]!.length * headLh + 2 * pad);
  });
  placed.forEach((p, i) => {
    if (p.rowSpan === 1) return;
    const need = headLines[i]!.length * headLh + 2 * pad;
    const have = rowHeights.slice(p.row, p.row + p.rowSpan).reduce((s, h) => s + h, 0);
    if (need > have) rowHeights[p.row + p.rowSpan - 1]! += need - have;
  });
  const headerHeight = rowHeights.reduce((s, h) => s + h, 0);
  const rowTop = (r: number) => rowHeights.slice(0, r).reduce((s, h) => s + h, 0);

  const drawHeader = () => {
    const y = b.y;
    b.rect(x0, y, tableRight - x0, headerHeight, COLORS.accentWeak);
    placed.forEach((p, i) => {
      const top = y + rowTop(p.row);
      const h = rowHeights.slice(p.row, p.row + p.rowSpan).reduce((s, v) => s + v, 0);
      const lines = headLines[i]!;
      const textH = lines.length * headLh;
      b.drawLines(lines, xs[p.col]! + pad, top + (h - textH) / 2, spanWidth(p), headStyle, 'center');
      b.doc
        .rect(xs[p.col]!, top, xs[p.col + p.span]! - xs[p.col]!, h)
        .lineWidth(0.5)
        .strokeColor(COLORS.border)
        .stroke();
    });
    b.y += headerHeight;
  };

  // Grid lines are stroked once per page: the column rules run from the top of the body on
  // the page to the last row drawn on it, the row rules are gathered into one path.
  let bodyTop = 0;
  let rules: [number, number, number, number][] = [];
  const closePage = () => {
    for (let i = 0; i <= t.columns.length; i++) rules.push([xs[i]!, bodyTop, xs[i]!, b.y]);
    b.segments(rules, COLORS.border);
    rules = [];
  };
  const newPage = () => {
    closePage();
    b.addPage();
    drawHeader();
    bodyTop = b.y;
  };

  // Header and at least one line of the first row stay together.
  b.ensure(headerHeight + bodyLh + 2 * pad);
  drawHeader();
  bodyTop = b.y;
  const pageBody = b.bottom - b.top - headerHeight;

  t.rows.forEach((row, r) => {
    const cells = row.map((c) => (typeof c === 'string' ? { text: c } : c));
    const styles = cells.map((c) => ({ ...bodyStyle, font: c.font ?? bodyStyle.font!, color: c.color ?? bodyStyle.color! }));
    const lines = cells.map((c, i) => b.lines(c.text, t.columns[i]!.width - 2 * pad, styles[i]));
    const maxLines = Math.max(1, ...lines.map((l) => l.length));
    const height = maxLines * bodyLh + 2 * pad;
    if (height > b.room) {
      // Taller than a whole page: start it here if a few lines fit, else on a new page.
      if (height <= pageBody || b.room < 4 * bodyLh + 2 * pad) newPage();
    }
    let from = 0;
    for (;;) {
      const fit = Math.min(maxLines - from, Math.max(1, Math.floor((b.room - 2 * pad) / bodyLh)));
      const h = fit * bodyLh + 2 * pad;
      const y = b.y;
      const zebra = t.zebra !== false && r % 2 === 1;
      if (zebra) b.rect(x0, y, tableRight - x0, h, COLORS.zebra);
      cells.forEach((c, i) => {
        if (c.fill) b.rect(xs[i]!, y, t.columns[i]!.width, h, c.fill);
        const part = lines[i]!.slice(from, from + fit);
        b.drawLines(part, xs[i]! + pad, y + pad, t.columns[i]!.width - 2 * pad, styles[i], c.align ?? t.columns[i]!.align ?? 'left');
      });
      rules.push([x0, y + h, tableRight, y + h]);
      b.y += h;
      from += fit;
      if (from >= maxLines) break;
      newPage();
    }
  });
  closePage();
}
