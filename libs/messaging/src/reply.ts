import { ErrorCode, isErrorCode, type FieldError } from '@pardev/contracts';

// The body of every reply on the bus.
export type ReplyFrame =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: ErrorCode; message: string; errors?: FieldError[] } };

export const parseReplyFrame = (body: string): ReplyFrame => {
  const frame = JSON.parse(body) as Partial<{
    ok: boolean;
    data: unknown;
    error: { code?: unknown; message?: unknown; errors?: FieldError[] };
  }>;
  if (frame.ok === true) return { ok: true, data: frame.data };
  const code = isErrorCode(frame.error?.code) ? frame.error.code : ErrorCode.Internal;
  const message = typeof frame.error?.message === 'string' ? frame.error.message : 'the service failed';
  return { ok: false, error: { code, message, errors: frame.error?.errors ?? [] } };
};
