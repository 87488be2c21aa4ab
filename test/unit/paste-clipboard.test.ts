// Clipboard text from Excel and LibreOffice split back into cells.
import { describe, expect, it } from 'vitest';
import { joinClipboardTable, splitClipboardTable } from '../../shared/paste/clipboardTable.ts';

describe('splitClipboardTable', () => {
  it('reads Excel text: CRLF rows, a trailing CRLF, quoted cells with line breaks and doubled quotes', () => {
    const text = '1\t2\t"1. Convocar\n2. Levantar ""actas"""\tEnero 26\r\n2\t4.5\tSolo\tFeb 26\r\n';
    expect(splitClipboardTable(text)).toEqual({
      rows: [
        ['1', '2', '1. Convocar\n2. Levantar "actas"', 'Enero 26'],
        ['2', '4.5', 'Solo', 'Feb 26'],
      ],
      width: 4,
    });
  });

  it('reads LibreOffice text: LF rows, no trailing line break, empty cells kept in place', () => {
    expect(splitClipboardTable('a\t\tc\n\tb\t').rows).toEqual([
      ['a', '', 'c'],
      ['', 'b'],
    ]);
  });

  it('keeps a quote that does not wrap the cell as text', () => {
    expect(splitClipboardTable('"Bueno" dijo\tx\n').rows).toEqual([['"Bueno" dijo', 'x']]);
    expect(splitClipboardTable('"sin cerrar\tx\n"otra\ty').rows).toEqual([
      ['"sin cerrar', 'x'],
      ['"otra', 'y'],
    ]);
  });

  it('round-trips what Excel would write', () => {
    const rows = [
      ['No.', 'Acción'],
      ['1', 'Línea 1\nLínea 2 con "comillas"\ty tab'],
    ];
    expect(splitClipboardTable(joinClipboardTable(rows)).rows).toEqual(rows);
    expect(splitClipboardTable(joinClipboardTable(rows, '\n')).rows).toEqual(rows);
  });

  it('stays linear on hostile text (quotes that never close): about as fast as plain cells of the same size', { timeout: 30_000 }, () => {
    const time = (text: string) => {
      const started = performance.now();
      splitClipboardTable(text);
      return performance.now() - started;
    };
    const reference = time('abcd\t'.repeat(100_000));
    // A quadratic scan would take hundreds of times longer on these.
    for (const hostile of ['"\t'.repeat(250_000), '"a"b\t'.repeat(100_000), '"' + 'x\t'.repeat(250_000)]) {
      expect(time(hostile)).toBeLessThan(reference * 8 + 200);
    }
  });
});
