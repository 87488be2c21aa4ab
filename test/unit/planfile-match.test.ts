// Which saved action each action of a plan file updates: by the file's No. when the numbers
// identify the actions, by position otherwise.
import { describe, expect, it } from 'vitest';
import { matchActions } from '../../main/planfile/matchActions.ts';

describe('matchActions', () => {
  it('matches by number: a deleted number is removed, an unknown one is added, order is the file’s', () => {
    expect(matchActions([1, 2, 3, 4, 5], [1, 2, 4, 5, 6])).toEqual({
      byNumber: true,
      existingIndex: [0, 1, 3, 4, null],
      removed: [2],
      displayNo: [1, 2, 4, 5, 6],
    });
    expect(matchActions([1, 2, 3], [3, 1])).toEqual({ byNumber: true, existingIndex: [2, 0], removed: [1], displayNo: [3, 1] });
  });

  it('falls back to position when a number is missing, repeated, zero, negative or not whole', () => {
    const byPosition = { byNumber: false, existingIndex: [0, 1, null], removed: [], displayNo: [1, 2, 3] };
    for (const fileNos of [
      [1, null, 3],
      [1, 2, 2],
      [0, 1, 2],
      [-1, 1, 2],
      [1, 2.5, 3],
    ]) {
      expect(matchActions([1, 2], fileNos)).toEqual(byPosition);
    }
    expect(matchActions([1, 2, 3], [7, 7])).toEqual({ byNumber: false, existingIndex: [0, 1], removed: [2], displayNo: [1, 2] });
  });

  it('an empty plan gets every action as new; an empty file removes every action', () => {
    expect(matchActions([], [1, 2])).toEqual({ byNumber: true, existingIndex: [null, null], removed: [], displayNo: [1, 2] });
    expect(matchActions([1, 2], [])).toEqual({ byNumber: true, existingIndex: [], removed: [0, 1], displayNo: [] });
  });
});

describe('a file edited before the last update (old numbers, renumbered plan)', () => {
  it('matches by position when that pairs more actions with the same text', () => {
    // Saved after an update: A B D E F numbered 1..5. The same edited file still says 1 2 4 5 6.
    const saved = ['A', 'B', 'D', 'E', 'F'];
    const file = ['A', 'B', 'D', 'E', 'F'];
    const m = matchActions([1, 2, 3, 4, 5], [1, 2, 4, 5, 6], (e, f) => saved[e] === file[f]);
    expect(m.byNumber).toBe(false);
    expect(m.existingIndex).toEqual([0, 1, 2, 3, 4]);
    expect(m.removed).toEqual([]);
  });

  it('keeps matching by number when the numbers explain the file better', () => {
    const saved = ['A', 'B', 'C', 'D', 'E'];
    const file = ['A', 'B', 'D', 'E', 'F'];
    const m = matchActions([1, 2, 3, 4, 5], [1, 2, 4, 5, 6], (e, f) => saved[e] === file[f]);
    expect(m.byNumber).toBe(true);
    expect(m.removed).toEqual([2]);
  });
});
