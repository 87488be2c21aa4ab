// The diverging stacked bar of a scale question, as geometry both the screen and the PDF
// report draw: negative levels left of the centre line, the neutral level split across it,
// positive levels right; each half holds `extent` % of the answers.

export interface DivergingSegment {
  /** Index of the level (worst → best). */
  level: number;
  /** Share of the answers, 0–100. */
  share: number;
  /** Left edge and width as % of the drawing width. */
  x: number;
  width: number;
}

/** Colours for a diverging scale of `k` levels, worst → best: reds, a grey centre, blues. */
export function divergingPalette(k: number): string[] {
  const neg = ['#9f2f24', '#c8553d', '#e0836b', '#eeaa94', '#f5c8b8'];
  const pos = ['#1b5ea3', '#3f7fbf', '#6c9fd2', '#98bde2', '#bdd5ee'];
  const half = Math.floor(k / 2);
  const pick = (palette: string[], i: number) => (half <= 1 ? palette[0]! : palette[Math.round((i * (palette.length - 1)) / (half - 1))]!);
  const colors: string[] = [];
  for (let i = 0; i < half; i++) colors.push(pick(neg, i));
  if (k % 2 === 1) colors.push('#c3c9d1');
  for (let i = half - 1; i >= 0; i--) colors.push(pick(pos, i));
  return colors;
}

export function divergingSegments(counts: readonly number[], extent = 100): DivergingSegment[] {
  const k = counts.length;
  const total = counts.reduce((s, c) => s + c, 0);
  const half = Math.floor(k / 2);
  const share = counts.map((c) => (total ? (c / total) * 100 : 0));
  const scale = 100 / Math.max(extent, 1);
  const out: DivergingSegment[] = [];
  const neutral = k % 2 === 1 ? (share[half]! * scale) / 2 : 0;
  let left = 50 - neutral / 2;
  for (let i = half - 1; i >= 0; i--) {
    const w = (share[i]! * scale) / 2;
    left -= w;
    out.push({ level: i, share: share[i]!, x: left, width: w });
  }
  if (k % 2 === 1) out.push({ level: half, share: share[half]!, x: 50 - neutral / 2, width: neutral });
  let right = 50 + neutral / 2;
  for (let i = k - half; i < k; i++) {
    const w = (share[i]! * scale) / 2;
    out.push({ level: i, share: share[i]!, x: right, width: w });
    right += w;
  }
  return out;
}

/** The widest half any of the bars needs (so every bar of a page shares one scale), 0–100. */
export function divergingExtent(distributions: readonly (readonly number[])[]): number {
  let widest = 0;
  for (const counts of distributions) {
    const k = counts.length;
    const total = counts.reduce((s, c) => s + c, 0);
    if (!total) continue;
    const half = Math.floor(k / 2);
    const neutral = k % 2 === 1 ? counts[half]! / 2 : 0;
    let neg = neutral;
    let pos = neutral;
    for (let i = 0; i < half; i++) neg += counts[i]!;
    for (let i = k - half; i < k; i++) pos += counts[i]!;
    widest = Math.max(widest, (Math.max(neg, pos) / total) * 100);
  }
  return widest || 100;
}

/** True when a colour is dark enough for white text on it. */
export function isDarkColor(hex: string): boolean {
  const n = parseInt(hex.slice(1), 16);
  return 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) < 150;
}
