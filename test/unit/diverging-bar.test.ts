import { describe, expect, it } from 'vitest';
import { divergingPalette, divergingExtent, divergingSegments, divergingSides, isDarkColor } from '../../shared/survey/diverging.ts';

describe('diverging bar arithmetic', () => {
  it('splits the middle level of an odd scale across the centre line', () => {
    // 10 answers: 2 + 1 below, 4 in the middle, 1 + 2 above.
    expect(divergingSides([2, 1, 4, 1, 2])).toEqual({ negative: 50, positive: 50 });
    expect(divergingSides([6, 0, 2, 0, 2])).toEqual({ negative: 70, positive: 30 });
  });

  it('has no middle level on an even scale', () => {
    expect(divergingSides([1, 1, 1, 1])).toEqual({ negative: 50, positive: 50 });
    expect(divergingSides([0, 0, 3, 1])).toEqual({ negative: 0, positive: 100 });
  });

  it('treats a question nobody answered as empty on both sides', () => {
    expect(divergingSides([0, 0, 0])).toEqual({ negative: 0, positive: 0 });
    expect(divergingSegments([0, 0, 0]).every((s) => s.width === 0 && s.share === 0)).toBe(true);
  });

  it('lays the segments out from the centre: lower levels leftwards, higher rightwards', () => {
    const segs = divergingSegments([2, 1, 4, 1, 2]);
    const byLevel = new Map(segs.map((s) => [s.level, s]));
    // With extent 100 each half of the drawing holds 100 % of the answers: a 10 % share is 5 % wide.
    expect(byLevel.get(2)).toEqual({ level: 2, share: 40, x: 40, width: 20 });
    expect(byLevel.get(1)).toEqual({ level: 1, share: 10, x: 35, width: 5 });
    expect(byLevel.get(0)).toEqual({ level: 0, share: 20, x: 25, width: 10 });
    expect(byLevel.get(3)).toEqual({ level: 3, share: 10, x: 60, width: 5 });
    expect(byLevel.get(4)).toEqual({ level: 4, share: 20, x: 65, width: 10 });
    // The pieces touch: no gaps and no overlaps.
    const sorted = [...segs].sort((a, b) => a.x - b.x);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.x).toBeCloseTo(sorted[i - 1]!.x + sorted[i - 1]!.width, 9);
  });

  it('stretches bars when the shared extent is smaller than 100', () => {
    // Extent 50: each half holds 50 %, so a 50 % side fills its half exactly.
    const segs = divergingSegments([5, 5], 50);
    expect(segs).toEqual([
      { level: 0, share: 50, x: 0, width: 50 },
      { level: 1, share: 50, x: 50, width: 50 },
    ]);
  });

  it('gives every bar on a page one extent: the widest side, rounded up to tens, between 20 and 100', () => {
    expect(divergingExtent([[1, 0, 0, 0, 3]])).toBe(80); // 75 % positive → 80
    expect(
      divergingExtent([
        [1, 1, 8, 1, 1],
        [0, 0, 10, 0, 0],
      ]),
    ).toBe(50); // middle halves: 50 %
    expect(divergingExtent([[1, 8, 1]])).toBe(50);
    expect(divergingExtent([[1, 98, 1]])).toBe(50);
    expect(divergingExtent([[0, 0, 0]])).toBe(20);
    expect(divergingExtent([])).toBe(20);
    expect(divergingExtent([[9, 1]])).toBe(90);
    expect(divergingExtent([[10, 0]])).toBe(100);
  });

  it('colours worst → best with a grey middle, strongest at the ends', () => {
    const five = divergingPalette(5);
    expect(five).toHaveLength(5);
    expect(five[2]).toBe('#c3c9d1');
    expect(five[0]).toBe('#9f2f24');
    expect(five[4]).toBe('#1b5ea3');
    expect(divergingPalette(4)).toHaveLength(4);
    expect(divergingPalette(4)).not.toContain('#c3c9d1');
    expect(isDarkColor('#9f2f24')).toBe(true);
    expect(isDarkColor('#c3c9d1')).toBe(false);
  });
});
