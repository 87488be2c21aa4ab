// The report typeface: Inter, the UI's own, as static TrueType files from an npm package
// (nothing is downloaded). Embedded and subset by pdfkit, so accents and ñ render on any
// machine and the text stays selectable.
//
// Speed: a font is parsed (its glyph, kerning and substitution tables) once per process and
// shared by every document (pdfkit accepts a parsed font); each document still subsets and
// embeds only the glyphs it draws. Words are shaped once per process too (shaping.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

export type FontName = 'regular' | 'medium' | 'semibold' | 'bold' | 'italic';

export const FONT_NAMES: readonly FontName[] = ['regular', 'medium', 'semibold', 'bold', 'italic'];

const FILES: Record<FontName, string> = {
  regular: '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  medium: '@expo-google-fonts/inter/500Medium/Inter_500Medium.ttf',
  semibold: '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
  bold: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
  italic: '@expo-google-fonts/inter/400Regular_Italic/Inter_400Regular_Italic.ttf',
};

let cache: Record<FontName, Buffer> | undefined;

/** The font files' bytes, read once per process. */
export function fontFiles(): Record<FontName, Buffer> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const out = {} as Record<FontName, Buffer>;
  for (const [name, file] of Object.entries(FILES) as [FontName, string][]) out[name] = fs.readFileSync(require.resolve(file));
  cache = out;
  return out;
}

/** A parsed font as pdfkit's `registerFont` accepts it (opaque here). */
export type ParsedFont = { layout(text: string): unknown };

/** What pdfkit keeps per font in a document (its internals, pinned with the exact pdfkit version). */
export interface PdfkitFont {
  /** The font's resource name in the document ("F1"). */
  id: string;
  font: ParsedFont;
  /** In thousandths of the size. */
  ascender: number;
  /** The glyphs this document embeds: `includeGlyph` gives a glyph's id in the subset. */
  subset: { includeGlyph(id: number): number };
  /** Per subset glyph: its advance (for the PDF's widths) and its characters (for copying text). */
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

let parsed: Record<FontName, ParsedFont> | undefined;

/** The fonts parsed once per process (through pdfkit itself, so no second font library). */
export function parsedFonts(): Record<FontName, ParsedFont> {
  if (parsed) return parsed;
  const probe = new PDFDocument({ autoFirstPage: false });
  const out = {} as Record<FontName, ParsedFont>;
  for (const name of FONT_NAMES) {
    probe.registerFont(name, fontFiles()[name]);
    probe.font(name);
    out[name] = (probe as unknown as { _font: PdfkitFont })._font.font;
  }
  parsed = out;
  return out;
}
