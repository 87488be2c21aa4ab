// The shape of one API method: a runtime validator for its argument and, as a phantom
// type, its result. Client (renderer, CLI) and server (main/api) are both typed from it,
// so a missing or mistyped method fails to compile.
import type { Validator } from '../validate.ts';

export interface MethodSpec<A, R> {
  readonly args: Validator<A>;
  /** Never set at run time; carries the result type. */
  readonly __result?: R;
}

/** `method<Result>()(argsValidator)` — the result type is given, the argument type inferred. */
export function method<R>() {
  return <A>(args: Validator<A>): MethodSpec<A, R> => ({ args });
}

export type AnySpec = MethodSpec<unknown, unknown>;
export type Contract = Record<string, AnySpec>;

export type ArgsOf<S> = S extends MethodSpec<infer A, unknown> ? A : never;
export type ResultOf<S> = S extends MethodSpec<unknown, infer R> ? R : never;

/** What the renderer and the CLI call: every method returns a promise. */
export type ClientOf<C extends Contract> = {
  [K in keyof C]: (args: ArgsOf<C[K]>) => Promise<ResultOf<C[K]>>;
};

/** What main/api implements: a handler may answer synchronously. */
export type HandlersOf<C extends Contract> = {
  [K in keyof C]: (args: ArgsOf<C[K]>) => ResultOf<C[K]> | Promise<ResultOf<C[K]>>;
};
