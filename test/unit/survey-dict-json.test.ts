import { describe, expect, it } from 'vitest';
import { dictJsonBytes } from '../../main/survey/dictJson.ts';

describe('a dictionary written as JSON bytes', () => {
  it('is byte for byte what JSON.stringify gives, whatever the text holds', () => {
    const dicts: string[][] = [
      [''],
      ['', 'Muy satisfecho', 'Satisfacción', 'Sí'],
      ['', 'comillas "dobles"', 'barra \\ invertida', 'línea\nnueva', 'tab\t', '\u0000\u001f\u007f'],
      ['', 'emoji 😀', 'solo \ud83d', 'solo \ude00', '€‚ƒ', '中文', '\u2028\u2029'],
      Array.from({ length: 5000 }, (_, i) => (i ? `2026-02-${String((i % 28) + 1).padStart(2, '0')}T10:00:${i % 60}` : '')),
      // Every value needs more room than its length suggests: the buffer must grow.
      ['', ...Array.from({ length: 300 }, () => '"\u0001'.repeat(40))],
      ['', ...Array.from({ length: 300 }, () => 'ñ😀'.repeat(50))],
    ];
    for (const dict of dicts) {
      expect(dictJsonBytes(dict).toString('utf8')).toBe(JSON.stringify(dict));
    }
  });
});
