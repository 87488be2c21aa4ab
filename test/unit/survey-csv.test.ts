import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, hasMojibake, repairMojibake } from '../../main/survey/csvDecode.ts';
import { detectDelimiter, splitCsv } from '../../main/survey/csvSplit.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('CSV decoding', () => {
  it('reads UTF-8 with and without BOM, Windows-1252 and UTF-16LE', () => {
    const text = 'Satisfacción;Año\nSí;Mañana\n';
    expect(decodeCsvBytes(utf8(text)).text).toBe(text);
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeCsvBytes(new Uint8Array(iconv.encode(text, 'win1252')))).toEqual({ text, encoding: 'windows-1252' });
    expect(decodeCsvBytes(new Uint8Array(iconv.encode(text, 'utf16le', { addBOM: true })))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeCsvBytes(new Uint8Array(iconv.encode(text, 'utf16le')))).toEqual({ text, encoding: 'utf-16le' });
  });

  it('detects and repairs mojibake', () => {
    const broken = iconv.decode(Buffer.from('Satisfacción con el señor', 'utf8'), 'win1252');
    expect(broken).toBe('SatisfacciÃ³n con el seÃ±or');
    expect(hasMojibake(broken)).toBe(true);
    expect(repairMojibake(broken)).toBe('Satisfacción con el señor');
    expect(hasMojibake('Satisfacción')).toBe(false);
    expect(repairMojibake('Satisfacción')).toBe('Satisfacción');
  });
});

describe('CSV splitting', () => {
  const rows = (text: string) => {
    const d = detectDelimiter(text);
    return { delimiter: d.delimiter, rows: [...splitCsv(d.body, d.delimiter)] };
  };
  it('finds the delimiter, or takes it from a sep= line', () => {
    expect(rows('a,b,c\n1,2,3').delimiter).toBe(',');
    expect(rows('a;b;c\n1;2,5;3').delimiter).toBe(';');
    expect(rows('a\tb\tc\n1\t2\t3').delimiter).toBe('\t');
    const sep = rows('sep=;\r\nPregunta, con coma;Otra\r\nx;y\r\n');
    expect(sep.delimiter).toBe(';');
    expect(sep.rows).toEqual([
      ['Pregunta, con coma', 'Otra'],
      ['x', 'y'],
    ]);
  });
  it('keeps quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = '"a";"b"\r\n"Primera línea\r\nsegunda; con ""comillas""";"=1+1"\r\n';
    expect(rows(text).rows).toEqual([
      ['a', 'b'],
      ['Primera línea\r\nsegunda; con "comillas"', '=1+1'],
    ]);
  });
  it('keeps empty fields', () => {
    expect(rows('a,b,c\n,,\n1,,3').rows).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['1', '', '3'],
    ]);
  });
});
