import { ErrorCode, ProblemDetailsSchema } from '@pardev/contracts';
import { describe, expect, it } from 'vitest';
import { codeForHttpStatus, problemType, statusForCode, toProblem } from './problem';

const expectedStatus: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.TooManyAttempts]: 429,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.PartnerNotFound]: 404,
  [ErrorCode.PartnerAlreadyExists]: 409,
  [ErrorCode.FlagNotFound]: 404,
  [ErrorCode.FlagAlreadyResolved]: 409,
  [ErrorCode.AgreementNotFound]: 404,
  [ErrorCode.TrancheNotFound]: 404,
  [ErrorCode.TransitionRefused]: 409,
  [ErrorCode.AgreementLocked]: 409,
  [ErrorCode.ImportNotFound]: 404,
  [ErrorCode.ImportNotOpen]: 409,
  [ErrorCode.SavedViewNotFound]: 404,
  [ErrorCode.SavedViewConflict]: 409,
  [ErrorCode.VersionConflict]: 409,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Timeout]: 504,
  [ErrorCode.Internal]: 500,
};

describe('error code to HTTP status', () => {
  it.each(Object.values(ErrorCode))('maps %s to its documented status', (code) => {
    expect(statusForCode(code)).toBe(expectedStatus[code]);
  });

  it('gives every error code a client or server error status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(statusForCode(code)).toBeGreaterThanOrEqual(400);
      expect(statusForCode(code)).toBeLessThan(600);
    }
  });

  it('refuses a value that is not an error code at run time', () => {
    expect(() => statusForCode('NOT_A_CODE' as ErrorCode)).toThrow(/unhandled value/);
  });
});

describe('problem details', () => {
  it.each(Object.values(ErrorCode))('builds a %s problem that matches ProblemDetailsSchema', (code) => {
    const problem = toProblem({ code, detail: 'something specific', correlationId: 'abc-123' });
    expect(ProblemDetailsSchema.parse(problem)).toEqual(problem);
    expect(problem.status).toBe(statusForCode(code));
    expect(problem.title.length).toBeGreaterThan(0);
  });

  it('names the problem type after the code in kebab case', () => {
    expect(problemType(ErrorCode.PartnerAlreadyExists)).toBe(
      'https://pardev.ilo.org/problems/partner-already-exists',
    );
    expect(toProblem({ code: ErrorCode.InvalidCredentials }).type).toBe(
      'https://pardev.ilo.org/problems/invalid-credentials',
    );
  });

  it('lists field errors and omits an empty list', () => {
    const errors = [{ field: 'country', rule: 'custom', message: 'is required for category State' }];
    expect(toProblem({ code: ErrorCode.ValidationFailed, errors }).errors).toEqual(errors);
    expect(toProblem({ code: ErrorCode.ValidationFailed, errors: [] })).not.toHaveProperty('errors');
  });

  it('keeps a framework status such as 413 with the standard title', () => {
    const problem = toProblem({ code: ErrorCode.ValidationFailed, status: 413 });
    expect(problem).toMatchObject({ status: 413, title: 'Payload Too Large', code: 'VALIDATION_FAILED' });
  });

  it('maps framework statuses to codes', () => {
    expect(codeForHttpStatus(404)).toBe(ErrorCode.NotFound);
    expect(codeForHttpStatus(413)).toBe(ErrorCode.ValidationFailed);
    expect(codeForHttpStatus(415)).toBe(ErrorCode.ValidationFailed);
    expect(codeForHttpStatus(401)).toBe(ErrorCode.Unauthenticated);
    expect(codeForHttpStatus(500)).toBe(ErrorCode.Internal);
  });
});
