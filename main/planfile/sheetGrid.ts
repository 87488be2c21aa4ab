// A read sheet seen as a grid: cell text and the merged range covering a cell.
import { tidyText } from '../../shared/text.ts';
import type { CellValue, MergeRange, SheetData } from './workbookReader.ts';
import { cellText } from './workbookReader.ts';

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
    const lastRow = this.rowNumbers[this.rowNumbers.length - 1] ?? 0;
    for (const m of sheet.merges) {
      // Clamp: a merge may span the whole sheet; only cells that can hold values matter.
      for (let r = m.top; r <= Math.min(m.bottom, lastRow + 1); r++) {
        for (let c = m.left; c <= Math.min(m.right, maxColumn + 1); c++) {
          if (r !== m.top || c !== m.left) this.covered.set(r * 16_384 + c, m);
        }
      }
    }
  }

  value(row: number, col: number): CellValue | undefined {
    return this.sheet.rows.get(row)?.[col];
  }

  text(row: number, col: number): string {
    return tidyText(cellText(this.value(row, col)));
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
