// A tiny runtime validator: every API argument crosses a process boundary
// (IPC or HTTP) and is checked here before any handler sees it.

export class ValidationError extends Error {
  readonly path: string;
  constructor(path: string, expected: string) {
    super(`Dato no válido en «${path || 'argumentos'}»: se esperaba ${expected}.`);
    this.name = 'ValidationError';
    this.path = path;
  }
}

export interface Validator<T> {
  parse(value: unknown, path?: string): T;
}

export type Infer<V> = V extends Validator<infer T> ? T : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Shape = Record<string, Validator<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
/** An object's type: a field whose validator may give `undefined` becomes an optional key. */
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

function make<T>(parse: (value: unknown, path: string) => T): Validator<T> {
  return { parse: (value, path = '') => parse(value, path) };
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

export const v = {
  string(opts: { max?: number; min?: number } = {}): Validator<string> {
    const max = opts.max ?? 100_000;
    const min = opts.min ?? 0;
    return make((x, p) => {
      if (typeof x !== 'string' || x.length > max || x.length < min) {
        throw new ValidationError(p, min > 0 ? `un texto no vacío (hasta ${max} caracteres)` : `un texto (hasta ${max} caracteres)`);
      }
      return x;
    });
  },
  int(opts: { min?: number; max?: number } = {}): Validator<number> {
    const min = opts.min ?? Number.MIN_SAFE_INTEGER;
    const max = opts.max ?? Number.MAX_SAFE_INTEGER;
    return make((x, p) => {
      if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
        throw new ValidationError(p, `un número entero entre ${min} y ${max}`);
      }
      return x;
    });
  },
  number(): Validator<number> {
    return make((x, p) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new ValidationError(p, 'un número');
      return x;
    });
  },
  boolean(): Validator<boolean> {
    return make((x, p) => {
      if (typeof x !== 'boolean') throw new ValidationError(p, 'verdadero o falso');
      return x;
    });
  },
  literal<const L extends string>(...values: L[]): Validator<L> {
    return make((x, p) => {
      if (typeof x !== 'string' || !(values as string[]).includes(x)) {
        throw new ValidationError(p, `uno de: ${values.join(', ')}`);
      }
      return x as L;
    });
  },
  regex(re: RegExp, description: string): Validator<string> {
    return make((x, p) => {
      if (typeof x !== 'string' || !re.test(x)) throw new ValidationError(p, description);
      return x;
    });
  },
  bytes(maxBytes: number): Validator<Uint8Array> {
    return make((x, p) => {
      if (!(x instanceof Uint8Array)) throw new ValidationError(p, 'el contenido de un archivo');
      if (x.byteLength > maxBytes) {
        throw new ValidationError(p, `un archivo de hasta ${Math.round(maxBytes / 1_048_576)} MB`);
      }
      return x;
    });
  },
  nullable<T>(inner: Validator<T>): Validator<T | null> {
    return make((x, p) => (x === null ? null : inner.parse(x, p)));
  },
  optional<T>(inner: Validator<T>): Validator<T | undefined> {
    return make((x, p) => (x === undefined ? undefined : inner.parse(x, p)));
  },
  array<T>(inner: Validator<T>, opts: { max?: number } = {}): Validator<T[]> {
    const max = opts.max ?? 100_000;
    return make((x, p) => {
      if (!Array.isArray(x) || x.length > max) throw new ValidationError(p, `una lista (hasta ${max} elementos)`);
      return x.map((item, i) => inner.parse(item, join(p, i)));
    });
  },
  record<T>(inner: Validator<T>, opts: { max?: number } = {}): Validator<Record<string, T>> {
    const max = opts.max ?? 1000;
    return make((x, p) => {
      if (typeof x !== 'object' || x === null || Array.isArray(x) || x instanceof Uint8Array) {
        throw new ValidationError(p, 'un conjunto de pares clave–valor');
      }
      const entries = Object.entries(x);
      if (entries.length > max) throw new ValidationError(p, `hasta ${max} pares clave–valor`);
      const out: Record<string, T> = {};
      // defineProperty: a key "__proto__" from JSON stays a plain key, never the object's prototype.
      for (const [k, val] of entries) {
        Object.defineProperty(out, k, { value: inner.parse(val, join(p, k)), enumerable: true, writable: true, configurable: true });
      }
      return out;
    });
  },
  object<S extends Shape>(shape: S): Validator<ObjectOf<S>> {
    return make((x, p) => {
      if (typeof x !== 'object' || x === null || Array.isArray(x) || x instanceof Uint8Array) {
        throw new ValidationError(p, 'un objeto');
      }
      const input = x as Record<string, unknown>;
      for (const key of Object.keys(input)) {
        // Own fields only: "__proto__", "constructor", "toString"… are inherited, not fields.
        if (!Object.hasOwn(shape, key)) throw new ValidationError(join(p, key), 'ningún campo con ese nombre');
      }
      const out: Record<string, unknown> = {};
      for (const [key, validator] of Object.entries(shape)) {
        const parsed = validator.parse(input[key], join(p, key));
        if (parsed !== undefined) out[key] = parsed;
      }
      return out as ObjectOf<S>;
    });
  },
};
