// The report typeface: Inter, the UI's own, as static TrueType files from an npm package
// (nothing is downloaded). Embedded and subset by pdfkit, so accents and ñ render on any
// machine and the text stays selectable.
import fs from 'node:fs';
import { createRequire } from 'node:module';

export type FontName = 'regular' | 'medium' | 'semibold' | 'bold' | 'italic';

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
