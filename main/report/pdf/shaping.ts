// Words as glyphs: measured and shaped once per process, drawn by every document.
//
// Shaping a word (OpenType substitutions and kerning) is the costly part of writing a PDF:
// with all of Inter's default features about 0.5 ms per new word, so a real 400-action plan
// (thousands of different words) spent seconds there, and did it again for every document.
// Here a word is shaped once per process with the features Spanish text needs — kerning, mark
// positioning for accents, and the required composition and locale features — and without
// Inter's contextual alternates and ligatures (arrows, raised hyphens between capitals: costly
// refinements that ordinary plan text does not need). Measuring and drawing use the same
// numbers, so a line never comes out wider than it was measured.
import { parsedFonts } from './fonts.ts';
import type { FontName } from './fonts.ts';

/** Features left off (see above); fontkit applies the rest of its defaults. */
const FEATURES = { calt: false, liga: false, clig: false, rclt: false, dlig: false } as const;

export interface ShapedWord {
  /** Advance of the whole word, in thousandths of the font size. */
  width: number;
  /** Glyph ids in the font and the characters each stands for (what makes the text selectable). */
  glyphs: { id: number; codePoints: number[]; advanceWidth: number }[];
  /** After each glyph, its kerning (thousandths of the size; 0 for most). */
  kerns: number[];
  /** A glyph placed off its advance (a combining mark not composed): drawn by pdfkit instead. */
  offset: boolean;
}

interface FontkitRun {
  glyphs: { id: number; codePoints: number[]; advanceWidth: number }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string, features: object): FontkitRun;
}

/** Past this many words a font's cache starts again (a 400-action plan uses a few thousand). */
export const MAX_SHARED_WORDS = 30_000;
const shaped = new Map<FontName, Map<string, ShapedWord>>();

/** A word (no spaces) in a font, shaped once per process. */
export function shapeWord(font: FontName, word: string): ShapedWord {
  let cache = shaped.get(font);
  if (!cache || cache.size > MAX_SHARED_WORDS) shaped.set(font, (cache = new Map()));
  let w = cache.get(word);
  if (w) return w;
  const f = parsedFonts()[font] as unknown as FontkitFont;
  const scale = 1000 / f.unitsPerEm;
  const run = f.layout(word, FEATURES);
  let width = 0;
  let offset = false;
  const kerns: number[] = [];
  const glyphs = run.glyphs.map((g, i) => {
    const p = run.positions[i]!;
    width += p.xAdvance * scale;
    kerns.push((p.xAdvance - g.advanceWidth) * scale);
    if (p.xOffset || p.yOffset) offset = true;
    return { id: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth * scale };
  });
  w = { width, glyphs, kerns, offset };
  cache.set(word, w);
  return w;
}

/** Width of a text at size 1: its words plus one space between each two, as lines are drawn. */
export function textWidth(font: FontName, text: string): number {
  let width = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(' ', from);
    const word = at < 0 ? text.slice(from) : text.slice(from, at);
    if (word) width += shapeWord(font, word).width;
    if (at < 0) break;
    width += shapeWord(font, ' ').width;
    from = at + 1;
  }
  return width / 1000;
}
