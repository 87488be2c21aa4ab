// One entry point for every transport: check the method name, validate the argument
// against the contract, run the handler, and turn any failure into a Spanish message.
import { contract, isMethodName } from '../../shared/api/index.ts';
import type { ApiHandlers } from '../../shared/api/index.ts';
import type { WireResponse } from '../../shared/api/wire.ts';
import { AppError, INTERNAL_ERROR_MESSAGE } from '../../shared/errors.ts';
import { ValidationError } from '../../shared/validate.ts';

function isTriggerRefusal(err: unknown): err is Error {
  return err instanceof Error && (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_TRIGGER';
}

export type Dispatch = (method: string, args: unknown) => Promise<WireResponse>;

/**
 * `describeStorageError` turns a disk failure (full, read-only, locked) into its own Spanish
 * message instead of "error inesperado"; null for anything else.
 */
export function createDispatch(
  handlers: ApiHandlers,
  log: (err: unknown) => void = console.error,
  describeStorageError: (err: unknown) => string | null = () => null,
): Dispatch {
  return async (method, args) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Mejora no conoce la operación «${String(method).slice(0, 60)}».` } };
    }
    try {
      const parsed = contract[method].args.parse(args ?? {});
      const handler = handlers[method] as (a: unknown) => unknown;
      const result = await handler(parsed);
      return { ok: true, result };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toPayload() };
      if (err instanceof ValidationError) return { ok: false, error: { code: 'invalid_argument', message: err.message } };
      // A schema trigger's refusal (an archived plan is read-only: migration 006) carries its own Spanish message.
      if (isTriggerRefusal(err)) return { ok: false, error: { code: 'conflict', message: err.message } };
      const storage = describeStorageError(err);
      if (storage) return { ok: false, error: { code: 'io_error', message: storage } };
      log(err);
      return { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } };
    }
  };
}
