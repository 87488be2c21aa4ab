// Builds the typed API object the renderer and the CLI call, over any transport.
// The caller never knows whether IPC, HTTP or a direct call carries it.
import type { ApiErrorPayload } from '../errors.ts';
import { AppError } from '../errors.ts';
import { ALL_METHOD_NAMES } from './index.ts';
import type { Api } from './index.ts';
import type { WireResponse } from './wire.ts';

/** Carries one call and returns the server's answer. */
export type Transport = (method: string, args: unknown) => Promise<WireResponse>;

export function createClient(transport: Transport): Api {
  const api: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const name of ALL_METHOD_NAMES) {
    api[name] = async (args: unknown) => {
      const response = await transport(name, args ?? {});
      if (response.ok) return response.result;
      throw fromPayload(response.error);
    };
  }
  return api as unknown as Api;
}

export function fromPayload(p: ApiErrorPayload): AppError {
  return new AppError(p.code, p.message, p.fields);
}
