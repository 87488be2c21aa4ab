import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../main/cli/args.ts';

describe('CLI arguments', () => {
  it('reads positionals, valued flags and boolean flags', () => {
    expect(parseArgs(['3', '--db', '/x.sqlite', '--json', '--from=2025'], ['json'])).toEqual({
      positionals: ['3'],
      flags: { db: '/x.sqlite', json: true, from: '2025' },
    });
  });
  it('says in Spanish when a flag has no value', () => {
    expect(() => parseArgs(['--db'], [])).toThrow('Falta el valor de --db.');
  });
});
