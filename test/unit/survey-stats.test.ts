import { describe, expect, it } from 'vitest';
import { nps, summarizeScale, wilson } from '../../shared/survey/stats.ts';

const pct = (x: [number, number] | null) => x && [Math.round(x[0] * 1000) / 10, Math.round(x[1] * 1000) / 10];

describe('Wilson 95 % interval (docs/domain.md check values)', () => {
  it('45/60 → 62.8–84.2 %', () => expect(pct(wilson(45, 60))).toEqual([62.8, 84.2]));
  it('9/10 → 59.6–98.2 %', () => expect(pct(wilson(9, 10))).toEqual([59.6, 98.2]));
  it('10/10 → 72.3–100 %', () => {
    // The exact lower bound is 1/(1 + 1.96²/10) = 72.246 %; the doc's 72.3 is that value
    // rounded twice (72.25 → 72.3). Within 0.06 points of the doc, exact to the formula.
    const [lo, hi] = wilson(10, 10)!.map((x) => x * 100) as [number, number];
    expect(Math.abs(lo - 72.3)).toBeLessThan(0.06);
    expect(lo).toBeCloseTo(100 / (1 + 1.96 ** 2 / 10), 10);
    expect(hi).toBe(100);
  });
  it('has no interval without answers', () => expect(wilson(0, 0)).toBeNull());
});

describe('scale summary', () => {
  it('computes top-2-box, mean on codes 1…k and the 0–100 index', () => {
    // 5-level scale: 1×1, 2×2, 3×3, 4×4, 5×10 → n=20
    const s = summarizeScale([1, 2, 3, 4, 10], null);
    expect(s.n).toBe(20);
    expect(s.top2boxPct).toBeCloseTo(70, 10);
    const mean = (1 * 1 + 2 * 2 + 3 * 3 + 4 * 4 + 5 * 10) / 20;
    expect(s.mean).toBeCloseTo(mean, 10);
    expect(s.index0to100).toBeCloseTo(((mean - 1) / 4) * 100, 10);
  });
  it('uses the level values of a numeric 0–10 scale for the mean, positions for the index', () => {
    const counts = new Array(11).fill(0);
    counts[10] = 1;
    counts[0] = 1;
    const s = summarizeScale(counts, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.mean).toBe(5);
    expect(s.index0to100).toBe(50);
    expect(s.top2boxPct).toBe(50);
  });
  it('NPS is % of 9–10 minus % of 0–6', () => {
    const counts = new Array(11).fill(0);
    counts[10] = 3; // promoters
    counts[9] = 2;
    counts[8] = 1; // passive
    counts[6] = 2; // detractors
    counts[0] = 2;
    expect(nps(counts)).toBeCloseTo(((5 - 4) / 10) * 100, 10);
  });
});
