import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../main/cli/args.ts';

describe('CLI arguments', () => {
  it('reads positionals, valued flags and boolean flags', () => {
    expect(parseArgs(['3', '--db', '/x.sqlite', '--json', '--from=2025'], ['json'])).toEqual({
      positionals: ['3'],
      flags: { db: '/x.sqlite', json: true, from: '2025' },
      repeated: { db: ['/x.sqlite'], from: ['2025'] },
    });
  });
  it('keeps every value of a repeated flag', () => {
    expect(parseArgs(['--filter', 'a=1', '--filter=b=2'], []).repeated.filter).toEqual(['a=1', 'b=2']);
  });
  it('says in Spanish when a flag has no value', () => {
    expect(() => parseArgs(['--db'], [])).toThrow('Falta el valor de --db.');
  });
});
