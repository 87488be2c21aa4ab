// Errors that reach the user carry a Spanish message that says what is wrong and what to do.

export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'invalid_file'
  | 'conflict'
  | 'unknown_method'
  /** The disk said no: full, read-only, file held by another program. The message says which. */
  | 'io_error'
  /** The data file is damaged; it has been set aside and a backup is offered. */
  | 'damaged_file'
  | 'internal';

export interface ApiErrorPayload {
  code: ErrorCode;
  message: string;
  /** Field-level messages, for forms (field → Spanish message). */
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toPayload(): ApiErrorPayload {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const INTERNAL_ERROR_MESSAGE =
  'Ocurrió un error inesperado. Sus datos guardados no se han perdido; intente de nuevo y, si se repite, reinicie Mejora.';
