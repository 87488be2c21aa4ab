// Text normalisation for matching what people type in spreadsheets: headers, scale
// labels, criterion names. Accents, case, repeated spaces and stray punctuation at the
// ends do not matter.

/** Characters trimmed from both ends by foldText (after spaces were collapsed to ' '). */
function isEdgePunctuation(code: number): boolean {
  switch (code) {
    case 0x20: // space
    case 0x2e: // .
    case 0x3a: // :
    case 0x3b: // ;
    case 0x2c: // ,
    case 0x2d: // -
    case 0x2013: // –
    case 0x2014: // —
    case 0x2a: // *
    case 0x2022: // •
      return true;
    default:
      return false;
  }
}

/** "  Área de  Mejora: " → "area de mejora" */
export function foldText(value: string): string {
  const s = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u00a0\u2007\u202f\s]+/g, ' ')
    .toLowerCase();
  // A loop, not a regex: `[…]+$` retries from every position of a long punctuation run
  // that is not at the end (quadratic on hostile cells).
  let start = 0;
  let end = s.length;
  while (start < end && isEdgePunctuation(s.charCodeAt(start))) start++;
  while (end > start && isEdgePunctuation(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** What tidyText changes besides the ends: a tab or odd space, two spaces, a space beside a line break. */
const UNTIDY = /[\u00a0\u2007\u202f\t]| [ \n]|\n /;

/** Collapses runs of spaces and trims; keeps accents and case (for display). */
export function tidyText(value: string): string {
  // Most cells are tidy already: one test instead of two replacements (a 20,000-action plan
  // asks for hundreds of thousands of cells).
  if (!UNTIDY.test(value)) return value.trim();
  return value
    .replace(/[\u00a0\u2007\u202f \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}
