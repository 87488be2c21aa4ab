// tidyText (shared/text.ts) skips its replacements when a cell is already tidy: the shortcut
// must give exactly what the replacements give, for tidy and untidy text alike.
import { describe, expect, it } from 'vitest';
import { tidyText } from '../../shared/text.ts';

const byReplacement = (value: string) =>
  value
    .replace(/[\u00a0\u2007\u202f \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

describe('tidyText', () => {
  it('collapses spaces, tidies line breaks and trims, as written', () => {
    expect(tidyText('  Área  de\u00a0mejora \n  segunda línea\t')).toBe('Área de mejora\nsegunda línea');
    expect(tidyText('Ya ordenado')).toBe('Ya ordenado');
    expect(tidyText('\r\nCon retorno\r\n')).toBe('Con retorno');
    expect(tidyText('')).toBe('');
  });

  it('gives what the replacements give, on any mix of spaces, breaks and letters', () => {
    const pieces = [' ', '  ', '\t', '\u00a0', '\u2007', '\u202f', '\n', '\r', '\r\n', 'a', 'ñ', 'B', '.', '\u3000', '\v'];
    let seed = 7;
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(rand() * 12);
      const s = Array.from({ length }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
      expect(tidyText(s), JSON.stringify(s)).toBe(byReplacement(s));
    }
  });
});
