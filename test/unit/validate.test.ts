import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/index.ts';
import { ValidationError, v } from '../../shared/validate.ts';

describe('runtime validation of API arguments', () => {
  it('checks every field and names the path in Spanish', () => {
    const schema = v.object({ planId: v.int({ min: 1 }), tags: v.array(v.string({ max: 3 })) });
    expect(schema.parse({ planId: 3, tags: ['a'] })).toEqual({ planId: 3, tags: ['a'] });
    expect(() => schema.parse({ planId: 0, tags: [] })).toThrow('Dato no válido en «planId»: se esperaba un número entero entre 1');
    expect(() => schema.parse({ planId: 1, tags: ['abcd'] })).toThrow('«tags[0]»');
  });

  it('refuses unknown fields instead of ignoring them', () => {
    expect(() => v.object({ a: v.string() }).parse({ a: 'x', b: 1 })).toThrow(ValidationError);
  });

  it('refuses inherited names (__proto__, constructor, toString…) as unknown fields', () => {
    const schema = v.object({ a: v.string() });
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      const input = JSON.parse(`{"a": "x", "${name}": {"polluted": true}}`);
      expect(() => schema.parse(input), name).toThrow(/ningún campo con ese nombre/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a record key named __proto__ a plain key, never the prototype', () => {
    const parsed = v.record(v.string()).parse(JSON.parse('{"__proto__": "Meta", "constructor": "x"}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(parsed)).toBe('{"__proto__":"Meta","constructor":"x"}');
  });

  it('optional fields may be absent; nullable ones may be null', () => {
    const schema = v.object({ a: v.optional(v.int()), b: v.nullable(v.string()) });
    expect(schema.parse({ b: null })).toEqual({ b: null });
  });

  it('validates the real contract: an action with a bad month is refused', () => {
    const args = {
      actionId: 1,
      fields: {
        criterion: 4,
        subcriterion: '4.5',
        area: '',
        action: 'x',
        objective: '',
        start: '2026-1',
        end: null,
        endOpen: false,
        resources: '',
        indicator: '',
        responsible: '',
        comments: '',
        extra: {},
        tasks: [],
      },
    };
    expect(() => contract.updateAction.args.parse(args)).toThrow('«fields.start»');
    expect(contract.updateAction.args.parse({ ...args, fields: { ...args.fields, start: '2026-01' } })).toMatchObject({ actionId: 1 });
  });
});
