// The survey formulas of docs/domain.md (§4 "Scales and metrics"), on the valid
// base (answered minus non-answers). Pure functions; results are unrounded.

export const Z95 = 1.96;

/**
 * Wilson score interval for k successes out of n, as proportions 0–1:
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Null when n = 0.
 */
export function wilson(k: number, n: number, z = Z95): [number, number] | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const center = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return [Math.max(0, (center - margin) / denom), Math.min(1, (center + margin) / denom)];
}

/** Counts per level (0-based index, worst → best) → summary figures. */
export interface ScaleSummary {
  n: number;
  /** % of the valid base in the two best levels, 0–100. */
  top2boxPct: number | null;
  /** Wilson 95 % interval of top2boxPct, 0–100. */
  ci95: [number, number] | null;
  /** Mean of the level values (numeric scales) or of the codes 1…k (labelled scales). */
  mean: number | null;
  /** (mean code − 1)/(k − 1) × 100. */
  index0to100: number | null;
}

/**
 * @param counts  count per level, worst → best
 * @param values  numeric value per level for numeric scales (0–10…), null for labelled scales
 */
export function summarizeScale(counts: readonly number[], values: readonly number[] | null): ScaleSummary {
  const k = counts.length;
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0 || k < 2) return { n, top2boxPct: null, ci95: null, mean: null, index0to100: null };
  const top2 = counts[k - 1]! + counts[k - 2]!;
  let codeSum = 0;
  let valueSum = 0;
  counts.forEach((c, i) => {
    codeSum += c * (i + 1);
    valueSum += c * (values ? values[i]! : i + 1);
  });
  const meanCode = codeSum / n;
  const ci = wilson(top2, n)!;
  return {
    n,
    top2boxPct: (top2 / n) * 100,
    ci95: [ci[0] * 100, ci[1] * 100],
    mean: valueSum / n,
    index0to100: ((meanCode - 1) / (k - 1)) * 100,
  };
}

/** Net Promoter Score from counts over 0…10: % of 9–10 minus % of 0–6. Null when n = 0. */
export function nps(countsZeroToTen: readonly number[]): number | null {
  const n = countsZeroToTen.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  let promoters = 0;
  let detractors = 0;
  countsZeroToTen.forEach((c, v) => {
    if (v >= 9) promoters += c;
    else if (v <= 6) detractors += c;
  });
  return ((promoters - detractors) / n) * 100;
}

/** Rounds for display/JSON: 1 decimal by default. */
export function round(x: number | null, digits = 1): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
