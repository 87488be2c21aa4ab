// Text normalisation for matching what people type in spreadsheets: headers, scale
// labels, criterion names. Accents, case, repeated spaces and stray punctuation at the
// ends do not matter.

/** "  Área de  Mejora: " → "area de mejora" */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u00a0\u2007\u202f\s]+/g, ' ')
    .toLowerCase()
    .trim()
    .replace(/^[\s.:;,\-–—*•]+|[\s.:;,\-–—*•]+$/g, '');
}

/** Collapses runs of spaces and trims; keeps accents and case (for display). */
export function tidyText(value: string): string {
  return value.replace(/[\u00a0\u2007\u202f \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}
