import { z } from 'zod';
import { ErrorCode } from './errors';

// One field-level complaint: which field, which rule, in words a person can act on.
export const FieldErrorSchema = z.object({
  field: z.string(),
  rule: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

// RFC 9457 problem details, extended with our error code and the request's correlation id.
export const ProblemDetailsSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.enum(ErrorCode),
  correlationId: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetailsSchema>;

// Turns zod issues into field errors: `organisationType` / `invalid_value` / message. A custom rule
// names itself (`params.rule`, e.g. `not_future`, `date_order`), so clients can translate it.
export const toFieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => {
    const named =
      issue.code === 'custom' ? (issue.params as { rule?: unknown } | undefined)?.rule : undefined;
    return {
      field: issue.path.map(String).join('.') || '(root)',
      rule: typeof named === 'string' ? named : issue.code,
      message: issue.message,
    };
  });
