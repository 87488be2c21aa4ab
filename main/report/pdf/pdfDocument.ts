// A thin layer over pdfkit for Mejora's reports: pages with margins we manage ourselves,
// text wrapped by our own line breaker (measured once, drawn line by line, so a long cell
// can continue on the next page), and running header/footer lines stamped on every page
// at the end, when the page count is known ("Página 3 de 12").
import PDFDocument from 'pdfkit';
import { FONT_NAMES, parsedFonts } from './fonts.ts';
import type { FontName, PdfkitFont } from './fonts.ts';
import { authorOf, madeByText } from '../../files/madeBy.ts';
import type { MadeBy } from '../../files/madeBy.ts';
import { pdfText } from './pdfText.ts';
import { shapeWord, textWidth } from './shaping.ts';

export const COLORS = {
  text: '#1e2630',
  muted: '#5d6875',
  accent: '#1b5ea3',
  accentWeak: '#e9f1fa',
  border: '#c5cbd3',
  borderLight: '#dde1e6',
  zebra: '#f7f8fa',
  ok: '#1e7a4c',
  warn: '#8a5a00',
  danger: '#b42318',
} as const;

/** A number as PDF content writes it (two decimals are a hundredth of a point). */
function pdfNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export type PaperSize = 'LETTER' | 'LEGAL';

const PAPER: Record<PaperSize, [number, number]> = { LETTER: [612, 792], LEGAL: [612, 1008] };

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
  /** Line height as a multiple of the font size. */
  leading?: number;
}

export interface RunningLines {
  /** Top of every page (after the first when `skipFirst`), small and muted. */
  header?: string;
  headerSkipFirst?: boolean;
  /** Bottom left of every page (the institution), beside "Página X de Y". */
  footerLeft: string;
  /** Under it (e.g. the cut-off), beside "Generado por … el …". */
  footerDetail?: string;
}

export interface PdfOptions {
  size: PaperSize;
  landscape: boolean;
  /** Points: top, right, bottom, left (the running lines sit inside the top and bottom margins). */
  margins?: [number, number, number, number];
  title: string;
  subject?: string;
  running: RunningLines;
  /** Who made it and when: the file's author, and "Generado por … el …" in every page's footer. */
  madeBy: MadeBy;
}

export class PdfBuilder {
  readonly doc: PDFKit.PDFDocument;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** Where the next thing is drawn on the current page. */
  y = 0;
  private readonly running: RunningLines;
  private readonly madeBy: string;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;
  private readonly fonts = {} as Record<FontName, PdfkitFont>;
  /** Per font, each word's glyph ids in this document's subset, in hex (see textRun). */
  private readonly encodedWords = new Map<FontName, Map<string, string[]>>();

  constructor(opts: PdfOptions) {
    const [short, long] = PAPER[opts.size];
    this.pageWidth = opts.landscape ? long : short;
    this.pageHeight = opts.landscape ? short : long;
    const [mt, mr, mb, ml] = opts.margins ?? [40, 36, 40, 36];
    this.top = mt;
    this.bottom = this.pageHeight - mb;
    this.left = ml;
    this.right = this.pageWidth - mr;
    this.running = opts.running;
    this.madeBy = madeByText(opts.madeBy);
    this.doc = new PDFDocument({
      size: [this.pageWidth, this.pageHeight],
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      compress: true,
      lang: 'es-DO',
      displayTitle: true,
      info: {
        Title: pdfText(opts.title),
        Subject: pdfText(opts.subject ?? ''),
        Author: pdfText(authorOf(opts.madeBy)),
        Creator: 'Mejora',
        Producer: 'Mejora',
      },
    });
    // The fonts parsed once per process (see fonts.ts); pdfkit embeds only those drawn with.
    const internals = this.doc as unknown as { _font: PdfkitFont; registerFont(name: string, src: unknown): void };
    for (const name of FONT_NAMES) {
      internals.registerFont(name, parsedFonts()[name]);
      this.doc.font(name);
      this.fonts[name] = internals._font;
    }
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.addPage();
  }

  get width(): number {
    return this.right - this.left;
  }

  /** Room left on the current page. */
  get room(): number {
    return this.bottom - this.y;
  }

  addPage(): void {
    this.doc.addPage({ size: [this.pageWidth, this.pageHeight], margin: 0 });
    this.fill = null;
    this.y = this.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.addPage();
    return true;
  }

  // The fill colour last set in the page's content: every colour change is an operator in
  // the file, and a 400-action table draws tens of thousands of lines.
  private fill: string | null = null;

  private setFill(color: string): void {
    if (this.fill === color) return;
    this.doc.fillColor(color);
    this.fill = color;
  }

  private setStyle(style: TextStyle): { size: number; lineHeight: number } {
    const size = style.size ?? 9;
    this.doc.font(style.font ?? 'regular').fontSize(size);
    this.setFill(style.color ?? COLORS.text);
    return { size, lineHeight: size * (style.leading ?? 1.3) };
  }

  /** Width of `text` in a font and size (its words are shaped once per process). */
  widthOf(text: string, font: FontName, size: number): number {
    return textWidth(font, text) * size;
  }

  /**
   * `text` broken into lines that fit `width`: at spaces and line breaks, and inside a word
   * that is wider than the line by itself (a URL, a run of underscores), so nothing is cut.
   */
  lines(text: string, width: number, style: TextStyle = {}): string[] {
    const font = style.font ?? 'regular';
    const size = style.size ?? 9;
    const space = this.widthOf(' ', font, size);
    const out: string[] = [];
    for (const paragraph of pdfText(text).split('\n')) {
      const words = paragraph.split(/ +/).filter(Boolean);
      if (!words.length) {
        out.push('');
        continue;
      }
      let line = '';
      let used = 0;
      for (const word of words) {
        const w = this.widthOf(word, font, size);
        if (line && used + space + w <= width) {
          line += ' ' + word;
          used += space + w;
          continue;
        }
        if (line) out.push(line);
        if (w <= width) {
          line = word;
          used = w;
          continue;
        }
        // A word wider than the line: cut it where it fills the line.
        let rest = word;
        while (this.widthOf(rest, font, size) > width) {
          let n = Math.max(1, Math.floor((rest.length * width) / this.widthOf(rest, font, size)));
          while (n > 1 && this.widthOf(rest.slice(0, n), font, size) > width) n--;
          while (n < rest.length && this.widthOf(rest.slice(0, n + 1), font, size) <= width) n++;
          out.push(rest.slice(0, n));
          rest = rest.slice(n);
        }
        line = rest;
        used = this.widthOf(rest, font, size);
      }
      out.push(line);
    }
    return out;
  }

  /** `text` on one line of `width`: whole when it fits, else cut at a word with "…". */
  oneLine(text: string, width: number, style: TextStyle = {}): string {
    const lines = this.lines(text.replace(/\n/g, ' '), width, style);
    if (lines.length <= 1) return lines[0] ?? '';
    const font = style.font ?? 'regular';
    const size = style.size ?? 9;
    let line = lines[0]!;
    while (line && this.widthOf(`${line}…`, font, size) > width) line = line.slice(0, -1);
    return `${line.trimEnd()}…`;
  }

  /** Width of the longest word of `text` (what a column must hold to keep words whole). */
  longestWord(text: string, style: TextStyle = {}): number {
    const font = style.font ?? 'regular';
    const size = style.size ?? 9;
    return Math.max(
      0,
      ...pdfText(text)
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => this.widthOf(w, font, size)),
    );
  }

  lineHeight(style: TextStyle = {}): number {
    return (style.size ?? 9) * (style.leading ?? 1.3);
  }

  /** Draws lines already broken, from (x, y); returns the height used. */
  drawLines(
    lines: string[],
    x: number,
    y: number,
    width: number,
    style: TextStyle = {},
    align: 'left' | 'center' | 'right' = 'left',
  ): number {
    const font = style.font ?? 'regular';
    const offsets = lines.map((line) => {
      if (align === 'left' || !line) return 0;
      const w = this.widthOf(line, font, style.size ?? 9);
      return align === 'center' ? (width - w) / 2 : width - w;
    });
    const { size, lineHeight } = this.setStyle(style);
    // All the lines in one text object, written as one piece of page content (see textRun).
    const pdfFont = this.fonts[font];
    const ascent = (pdfFont.ascender / 1000) * size;
    const ops: string[] = [];
    let cy = y;
    for (const [i, line] of lines.entries()) {
      if (line) {
        const top = cy + (lineHeight - size) / 2;
        const run = this.textRun(font, line);
        if (run === null) {
          // A glyph placed off its advance (a combining mark): pdfkit's own drawing handles it.
          (this.doc as unknown as { _fragment(t: string, x: number, y: number, o: object): void })._fragment(line, x + offsets[i]!, top, {
            textWidth: 0,
            wordCount: 0,
          });
        } else {
          ops.push(`1 0 0 1 ${pdfNumber(x + offsets[i]!)} ${pdfNumber(this.pageHeight - top - ascent)} Tm\n[${run}] TJ`);
        }
      }
      cy += lineHeight;
    }
    if (ops.length) {
      const page = (this.doc as unknown as { page: { fonts: Record<string, unknown> } }).page;
      page.fonts[pdfFont.id] ??= pdfFont.ref();
      // The page's coordinates are flipped (top-left origin); text is drawn in the PDF's own.
      this.doc.addContent(
        `q\n1 0 0 -1 0 ${pdfNumber(this.pageHeight)} cm\nBT\n/${pdfFont.id} ${pdfNumber(size)} Tf\n${ops.join('\n')}\nET\nQ`,
      );
    }
    return cy - y;
  }

  /**
   * A line's glyphs as the elements of a TJ operator (runs of glyph ids in hex, each followed
   * by the kerning after its last glyph), or null when a glyph sits off its advance. pdfkit's
   * `text()` shapes a line three times and writes about ten pieces of content for it (each a
   * small buffer: most of a big report's time went to the garbage collector); here the line's
   * words, shaped once per process, are mapped to this document's subset once each.
   */
  private textRun(name: FontName, line: string): string | null {
    let ids = this.encodedWords.get(name);
    if (!ids) this.encodedWords.set(name, (ids = new Map()));
    const font = this.fonts[name];
    let out = '';
    let hex = '';
    let from = 0;
    for (;;) {
      const at = line.indexOf(' ', from);
      for (const word of at < 0 ? [line.slice(from)] : [line.slice(from, at), ' ']) {
        if (!word) continue;
        const shaped = shapeWord(name, word);
        if (shaped.offset) return null;
        let hexes = ids.get(word);
        if (!hexes) {
          hexes = shaped.glyphs.map((g) => {
            const gid = font.subset.includeGlyph(g.id);
            font.widths[gid] ??= g.advanceWidth;
            font.unicode[gid] ??= g.codePoints;
            return gid.toString(16).padStart(4, '0');
          });
          ids.set(word, hexes);
        }
        for (let i = 0; i < hexes.length; i++) {
          hex += hexes[i];
          const kern = shaped.kerns[i]!;
          if (kern !== 0) {
            out += `<${hex}> ${pdfNumber(-kern)} `;
            hex = '';
          }
        }
      }
      if (at < 0) break;
      from = at + 1;
    }
    return hex ? `${out}<${hex}>` : out.trimEnd();
  }

  /**
   * A paragraph at the cursor, wrapped to `width` (the body by default), continuing on new
   * pages when needed. Moves the cursor below it.
   */
  paragraph(
    text: string,
    style: TextStyle = {},
    opts: { x?: number; width?: number; align?: 'left' | 'center' | 'right'; after?: number } = {},
  ): void {
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.right - x;
    const lh = this.lineHeight(style);
    const lines = this.lines(text, width, style);
    let i = 0;
    while (i < lines.length) {
      if (this.room < lh) this.addPage();
      const fit = Math.max(1, Math.floor(this.room / lh));
      const chunk = lines.slice(i, i + fit);
      this.y += this.drawLines(chunk, x, this.y, width, style, opts.align);
      i += chunk.length;
    }
    this.y += opts.after ?? 0;
  }

  /** Height a paragraph would take. */
  paragraphHeight(text: string, width: number, style: TextStyle = {}): number {
    return this.lines(text, width, style).length * this.lineHeight(style);
  }

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    if (w <= 0 || h <= 0) return;
    this.setFill(fill);
    this.doc.rect(x, y, w, h).fill();
  }

  /** Many straight segments in one stroke ([x1, y1, x2, y2] each). */
  segments(lines: [number, number, number, number][], color: string = COLORS.border, width = 0.5): void {
    if (!lines.length) return;
    for (const [x1, y1, x2, y2] of lines) this.doc.moveTo(x1, y1).lineTo(x2, y2);
    this.doc.lineWidth(width).strokeColor(color).stroke();
  }

  hline(x1: number, x2: number, y: number, color: string = COLORS.border, width = 0.5): void {
    this.doc.moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke();
  }

  vline(x: number, y1: number, y2: number, color: string = COLORS.border, width = 0.5): void {
    this.doc.moveTo(x, y1).lineTo(x, y2).lineWidth(width).strokeColor(color).stroke();
  }

  /** Stamps the running lines on every page and returns the file's bytes. */
  async finish(): Promise<Uint8Array> {
    const { start, count } = this.doc.bufferedPageRange();
    const style: TextStyle = { size: 7.5, color: COLORS.muted };
    const lh = this.lineHeight(style);
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.fill = null;
      // Two lines: the institution and the page; the detail (cut-off, filters) and who made it.
      const footY = this.bottom + 11;
      this.hline(this.left, this.right, footY - 4, COLORS.borderLight);
      const pageText = `Página ${i - start + 1} de ${count}`;
      const rows: [string, string, TextStyle][] = [
        [this.running.footerLeft, pageText, { ...style, font: 'semibold' }],
        [this.running.footerDetail ?? '', this.madeBy, style],
      ];
      rows.forEach(([left, right, leftStyle], r) => {
        const y = footY + r * lh;
        const rightW = this.widthOf(right, 'regular', 7.5) + 2;
        const leftW = this.width - rightW - 16;
        if (left) this.drawLines([this.oneLine(left, leftW, leftStyle)], this.left, y, leftW, leftStyle);
        this.drawLines([right], this.right - rightW, y, rightW, style, 'right');
      });
      if (this.running.header && !(this.running.headerSkipFirst && i === start)) {
        const headLines = this.lines(this.running.header, this.width, style).slice(0, 2);
        const hy = this.top - 12 - headLines.length * lh;
        this.drawLines(headLines, this.left, hy, this.width, style);
        this.hline(this.left, this.right, this.top - 8, COLORS.borderLight);
      }
    }
    this.doc.end();
    await this.ended;
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}
