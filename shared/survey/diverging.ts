// The diverging stacked bar of a scale question, as geometry both the results page and the PDF
// report draw, in one place: the levels below the middle go left of the centre line, the levels
// above it go right, and the middle level of an odd scale is split across the line. Positions
// are % of the drawing width.

export interface DivergingSegment {
  /** Index of the level in the distribution. */
  level: number;
  /** Share of the answers (0–100). */
  share: number;
  x: number;
  width: number;
}

/** Shares (0–100) of the answers on each side of the centre line; the middle level counts half on each. */
export function divergingSides(counts: readonly number[]): { negative: number; positive: number } {
  const total = counts.reduce((s, c) => s + c, 0);
  if (!total) return { negative: 0, positive: 0 };
  const k = counts.length;
  const half = Math.floor(k / 2);
  const neutral = k % 2 === 1 ? counts[half]! / 2 : 0;
  let negative = neutral;
  let positive = neutral;
  for (let i = 0; i < half; i++) negative += counts[i]!;
  for (let i = k - half; i < k; i++) positive += counts[i]!;
  return { negative: (negative / total) * 100, positive: (positive / total) * 100 };
}

/**
 * One extent for every bar on a page, so bars can be compared: the widest side of any of them,
 * rounded up to a multiple of 10, at least 20 (a page of mild answers is not drawn as a page of
 * extreme ones) and at most 100.
 */
export function divergingExtent(distributions: ReadonlyArray<readonly number[]>): number {
  let widest = 0;
  for (const counts of distributions) {
    const { negative, positive } = divergingSides(counts);
    widest = Math.max(widest, negative, positive);
  }
  return Math.min(100, Math.max(20, Math.ceil(widest / 10) * 10));
}

/** The segments of one bar, each half of the width holding `extent` % of the answers. */
export function divergingSegments(counts: readonly number[], extent = 100): DivergingSegment[] {
  const total = counts.reduce((s, c) => s + c, 0);
  const k = counts.length;
  const half = Math.floor(k / 2);
  const share = counts.map((c) => (total ? (c / total) * 100 : 0));
  const scale = 100 / Math.max(extent, 1);
  const width = (i: number) => (share[i]! * scale) / 2;
  const out: DivergingSegment[] = [];
  const neutral = k % 2 === 1 ? width(half) : 0;
  let left = 50 - neutral / 2;
  for (let i = half - 1; i >= 0; i--) {
    left -= width(i);
    out.push({ level: i, share: share[i]!, x: left, width: width(i) });
  }
  if (k % 2 === 1) out.push({ level: half, share: share[half]!, x: 50 - neutral / 2, width: neutral });
  let right = 50 + neutral / 2;
  for (let i = k - half; i < k; i++) {
    out.push({ level: i, share: share[i]!, x: right, width: width(i) });
    right += width(i);
  }
  return out;
}

/** Colours for a diverging scale of `k` levels, worst → best: reds, a grey centre, blues. */
export function divergingPalette(k: number): string[] {
  const neg = ['#9f2f24', '#c8553d', '#e0836b', '#eeaa94', '#f5c8b8'];
  const pos = ['#1b5ea3', '#3f7fbf', '#6c9fd2', '#98bde2', '#bdd5ee'];
  const half = Math.floor(k / 2);
  const pick = (palette: string[], i: number) => {
    // Spread the strongest-to-lightest palette over `half` levels.
    if (half <= 1) return palette[0]!;
    return palette[Math.round((i * (palette.length - 1)) / (half - 1))]!;
  };
  const colors: string[] = [];
  for (let i = 0; i < half; i++) colors.push(pick(neg, i));
  if (k % 2 === 1) colors.push('#c3c9d1');
  for (let i = half - 1; i >= 0; i--) colors.push(pick(pos, i));
  return colors;
}

/** True when white text reads better than dark text on `hex` (#rrggbb). */
export function isDarkColor(hex: string): boolean {
  const n = parseInt(hex.slice(1), 16);
  const lum = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return lum < 150;
}
