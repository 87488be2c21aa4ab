// Pure pieces of the reports: line breaking keeps every character, column widths fit the
// page, diverging bar geometry, untrusted text cleaned for the PDF, the save dialog's kinds.
import { describe, expect, it } from 'vitest';
import { saveDialogOptions, safeFileName } from '../../main/electron/saveFile.ts';
import { saveKindOf, withExtension } from '../../main/electron/saveKinds.ts';
import { PdfBuilder } from '../../main/report/pdf/pdfDocument.ts';
import { pdfText } from '../../main/report/pdf/pdfText.ts';
import { fitWidths } from '../../main/report/pdf/widths.ts';
import { divergingExtent, divergingPalette, divergingSegments } from '../../shared/survey/diverging.ts';

describe('line breaking', () => {
  const b = new PdfBuilder({
    size: 'LETTER',
    landscape: false,
    title: 't',
    running: { footerLeft: '' },
    madeBy: { name: '', day: '2026-03-01' },
  });
  it('keeps every character, breaks at spaces, and cuts only words wider than the line', () => {
    const text = 'Diseñar e implementar un programa de capacitación ' + 'a'.repeat(300) + ' en atención al ciudadano\nsegunda línea';
    const lines = b.lines(text, 120, { size: 9 });
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const l of lines) expect(b.widthOf(l, 'regular', 9)).toBeLessThanOrEqual(120.01);
    expect(lines).toContain('segunda línea');
  });
  it('measures a line as the sum of its words and spaces, the same in every document', () => {
    const other = new PdfBuilder({
      size: 'LEGAL',
      landscape: true,
      title: 'u',
      running: { footerLeft: '' },
      madeBy: { name: '', day: '2026-03-01' },
    });
    const line = 'Gestión municipal de la información';
    const words = line.split(' ').reduce((s, w) => s + b.widthOf(w, 'regular', 9), 0) + 4 * b.widthOf(' ', 'regular', 9);
    expect(b.widthOf(line, 'regular', 9)).toBeCloseTo(words, 6);
    expect(other.widthOf(line, 'regular', 9)).toBe(b.widthOf(line, 'regular', 9));
    expect(b.widthOf(line, 'bold', 9)).toBeGreaterThan(b.widthOf(line, 'regular', 9));
  });
  it('gives an empty paragraph its own empty line', () => {
    expect(b.lines('a\n\nb', 100)).toEqual(['a', '', 'b']);
  });
});

describe('pdfText', () => {
  it('drops control and direction characters, keeps line breaks and markup as plain text', () => {
    expect(pdfText('a\u0000b\u0007c\r\nd\u202ee <b>f</b>')).toBe('abc\nde <b>f</b>');
    expect(pdfText(null)).toBe('');
    expect(pdfText('x'.repeat(20_000))).toMatch(/caracteres más en Mejora\)$/);
  });
  it('composes accents typed as a letter and a combining mark (one glyph each, as text copies)', () => {
    expect(pdfText('Jose\u0301 Pen\u0303a')).toBe('José Peña');
  });
});

describe('fitWidths', () => {
  it('fills the page in proportion and honours each column minimum', () => {
    const w = fitWidths([5, 10, 40, 35], 500, [30, 18, 18, 18]);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(500, 5);
    expect(w[0]).toBeGreaterThanOrEqual(30);
    expect(w[2]! / w[3]!).toBeCloseTo(40 / 35, 1);
  });
});

describe('diverging bar', () => {
  it('centres the neutral level and puts negative levels left, positive right', () => {
    const segs = divergingSegments([10, 10, 20, 30, 30]);
    const neutral = segs.find((s) => s.level === 2)!;
    expect(neutral.x + neutral.width / 2).toBeCloseTo(50);
    expect(segs.find((s) => s.level === 0)!.x).toBeLessThan(segs.find((s) => s.level === 1)!.x);
    expect(segs.find((s) => s.level === 4)!.x).toBeGreaterThan(50);
    expect(divergingExtent([[10, 10, 20, 30, 30]])).toBeCloseTo(70);
    expect(divergingPalette(5)).toHaveLength(5);
  });
});

describe('save dialog kinds', () => {
  it('follows the suggested name: PDF and ZIP get their own filter and extension', () => {
    expect(saveKindOf('Plan.pdf')).toBe('pdf');
    expect(saveKindOf('Evidencias.ZIP')).toBe('zip');
    expect(saveKindOf('Plan')).toBe('xlsx');
    expect(withExtension('/d/informe', 'pdf')).toBe('/d/informe.pdf');
    expect(safeFileName('Plan: "Baní".pdf')).toBe('Plan Baní.pdf');
    expect(safeFileName('CON.pdf')).toBe('Plan de mejora.pdf');
    const opts = saveDialogOptions('Informe.pdf', '/home/ana');
    expect(opts.filters).toEqual([{ name: 'Documento PDF (.pdf)', extensions: ['pdf'] }]);
    expect(opts.title).toBe('Guardar como PDF');
  });
});
