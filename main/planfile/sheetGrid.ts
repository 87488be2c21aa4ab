// A read sheet seen as a grid: cell text and the merged range covering a cell.
import { tidyText } from '../../shared/text.ts';
import type { CellValue } from '../xlsx/cellValue.ts';
import { cellText } from '../xlsx/cellValue.ts';
import type { MergeRange, SheetData } from './sheetData.ts';

/** Covered cells recorded at most (a real plan has a few thousand). */
const MAX_COVERED_CELLS = 400_000;

/** Index of the first of the ascending `values` that is >= `min`. */
function firstAtLeast(values: number[], min: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SheetGrid {
  readonly sheet: SheetData;
  /** Row numbers that hold at least one value, ascending. */
  readonly rowNumbers: number[];
  readonly maxColumn: number;
  private readonly covered = new Map<number, MergeRange>();

  constructor(sheet: SheetData) {
    this.sheet = sheet;
    this.rowNumbers = [...sheet.rows.keys()].sort((a, b) => a - b);
    let maxColumn = -1;
    for (const cells of sheet.rows.values()) maxColumn = Math.max(maxColumn, cells.length - 1);
    this.maxColumn = maxColumn;
    // Only rows that hold values are ever asked about (header and action rows), and a merge
    // may span the whole sheet: record those rows' covered cells, up to a budget far above
    // any real plan, so that a hostile file cannot fill memory with merges.
    let budget = MAX_COVERED_CELLS;
    merges: for (const m of sheet.merges) {
      for (let i = firstAtLeast(this.rowNumbers, m.top); i < this.rowNumbers.length && this.rowNumbers[i]! <= m.bottom; i++) {
        const r = this.rowNumbers[i]!;
        for (let c = m.left; c <= Math.min(m.right, maxColumn + 1); c++) {
          if (r === m.top && c === m.left) continue;
          this.covered.set(r * 16_384 + c, m);
          if (--budget <= 0) break merges;
        }
      }
    }
  }

  /** Columns of `row` that hold a value, ascending; fast on a sparse row (a value in column XFD). */
  columnsWithValues(row: number): number[] {
    const cells = this.sheet.rows.get(row);
    if (!cells) return [];
    const cols: number[] = [];
    for (const key of Object.keys(cells)) if (cells[Number(key)]) cols.push(Number(key));
    return cols;
  }

  value(row: number, col: number): CellValue | undefined {
    return this.sheet.rows.get(row)?.[col];
  }

  /** The texts of the row last asked about: the reader asks for each cell several times, row by row. */
  private textRow = -1;
  private readonly rowTexts = new Map<number, string>();

  text(row: number, col: number): string {
    const value = this.value(row, col);
    if (!value) return '';
    if (row !== this.textRow) {
      this.textRow = row;
      this.rowTexts.clear();
    }
    let t = this.rowTexts.get(col);
    if (t === undefined) this.rowTexts.set(col, (t = tidyText(cellText(value))));
    return t;
  }

  /** The merged range that covers this cell without starting at it, if any. */
  coveredBy(row: number, col: number): MergeRange | undefined {
    return this.covered.get(row * 16_384 + col);
  }

  /** The cell's own text or, inside a merge, the text of the merge's first cell. */
  textOrMerged(row: number, col: number): string {
    const own = this.text(row, col);
    if (own) return own;
    const m = this.coveredBy(row, col);
    return m ? this.text(m.top, m.left) : '';
  }
}
