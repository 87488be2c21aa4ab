// Column widths for a page: the relative widths (e.g. Excel's, in characters) scaled to fill
// the printable width, so the PDF keeps the proportions of the official workbook.

export function fitWidths(relative: number[], total: number, minimum: number | number[] = 18): number[] {
  const min = (i: number) => (Array.isArray(minimum) ? (minimum[i] ?? 18) : minimum);
  const sum = relative.reduce((s, w) => s + w, 0) || 1;
  const widths = relative.map((w, i) => Math.max(min(i), (w / sum) * total));
  // The minimums may push past the page: take it back from the columns above their minimum.
  let over = widths.reduce((s, w) => s + w, 0) - total;
  for (let round = 0; over > 0.01 && round < 50; round++) {
    const wide = widths.map((w, i) => w > min(i) + 0.01);
    const n = wide.filter(Boolean).length;
    if (!n) break;
    const cut = over / n;
    for (let i = 0; i < widths.length; i++) if (wide[i]) widths[i] = Math.max(min(i), widths[i]! - cut);
    over = widths.reduce((s, w) => s + w, 0) - total;
  }
  return widths;
}

/** The narrowest a column can be without breaking a word of its header. */
export function headerMinWidth(longestWordWidth: number, padding = 3): number {
  return Math.ceil(longestWordWidth + 2 * padding + 1);
}
