import { ErrorCode, toFieldErrors, type FieldError } from '@pardev/contracts';
import type { z } from 'zod';

/**
 * A failure a caller can act on, identified by its code. It crosses process boundaries as
 * `{ code, message, errors }` (never as a class instance); the gateway maps the code to HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalid(error: z.ZodError, message = 'the message does not match its contract'): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, message, toFieldErrors(error));
  }
}

/** The error a remote handler answered with, re-created on the caller's side. */
export class RemoteError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

// Retrying cannot fix these: an event that fails with one goes to the dead letters at once.
const permanentCodes = new Set<ErrorCode>([ErrorCode.ValidationFailed]);
export const isPermanent = (error: unknown): boolean =>
  error instanceof DomainError && permanentCodes.has(error.code);

export const describeError = (error: unknown): string => {
  if (error instanceof DomainError) {
    const fields = error.errors.map((e) => `${e.field}: ${e.rule} (${e.message})`).join('; ');
    return fields ? `${error.code}: ${error.message}: ${fields}` : `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
};
