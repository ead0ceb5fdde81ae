import { ErrorCode, type FieldError, type ProblemDetails } from '@pardev/contracts';
import { STATUS_CODES } from 'node:http';
import { assertUnreachable } from './assert-unreachable';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const PROBLEM_BASE = 'https://pardev.ilo.org/problems/';

/** The HTTP status for an error code. Exhaustive: a new ErrorCode does not compile until it is mapped here. */
export const statusForCode = (code: ErrorCode): number => {
  switch (code) {
    case ErrorCode.ValidationFailed:
      return 400;
    case ErrorCode.Unauthenticated:
    case ErrorCode.InvalidCredentials:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
    case ErrorCode.PartnerNotFound:
    case ErrorCode.FlagNotFound:
    case ErrorCode.ImportNotFound:
    case ErrorCode.AgreementNotFound:
    case ErrorCode.TrancheNotFound:
    case ErrorCode.SavedViewNotFound:
      return 404;
    case ErrorCode.PartnerAlreadyExists:
    case ErrorCode.FlagAlreadyResolved:
    case ErrorCode.ImportNotOpen:
    case ErrorCode.TransitionRefused:
    case ErrorCode.AgreementLocked:
    case ErrorCode.SavedViewConflict:
    case ErrorCode.VersionConflict:
      return 409;
    case ErrorCode.TooManyAttempts:
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.Internal:
      return 500;
    case ErrorCode.ServiceUnavailable:
      return 503;
    case ErrorCode.Timeout:
      return 504;
    default:
      return assertUnreachable(code);
  }
};

const titles: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: 'The request is not valid',
  [ErrorCode.Unauthenticated]: 'Sign-in required',
  [ErrorCode.InvalidCredentials]: 'Wrong e-mail or password',
  [ErrorCode.TooManyAttempts]: 'Too many failed sign-in attempts',
  [ErrorCode.RateLimited]: 'Too many requests',
  [ErrorCode.Forbidden]: 'Not allowed for your role',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.PartnerNotFound]: 'Partner not found',
  [ErrorCode.PartnerAlreadyExists]: 'Partner already registered',
  [ErrorCode.FlagNotFound]: 'Flag not found',
  [ErrorCode.FlagAlreadyResolved]: 'Flag already resolved',
  [ErrorCode.AgreementNotFound]: 'Agreement not found',
  [ErrorCode.TrancheNotFound]: 'Tranche not found',
  [ErrorCode.TransitionRefused]: 'Step refused by the agreement rules',
  [ErrorCode.AgreementLocked]: 'Agreement signed: change it by an amendment',
  [ErrorCode.ImportNotFound]: 'Import not found',
  [ErrorCode.ImportNotOpen]: 'Import already applied',
  [ErrorCode.SavedViewNotFound]: 'Saved view not found',
  [ErrorCode.SavedViewConflict]: 'Saved view not saved',
  [ErrorCode.VersionConflict]: 'Changed by someone else',
  [ErrorCode.ServiceUnavailable]: 'Service unavailable',
  [ErrorCode.Timeout]: 'The service did not answer in time',
  [ErrorCode.Internal]: 'Internal error',
};

export const problemType = (code: ErrorCode): string =>
  `${PROBLEM_BASE}${code.toLowerCase().replaceAll('_', '-')}`;

/** The error code for an HTTP status raised by the framework itself (unknown route, body too large …). */
export const codeForHttpStatus = (status: number): ErrorCode => {
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404 || status === 405) return ErrorCode.NotFound;
  if (status === 409) return ErrorCode.VersionConflict;
  if (status === 429) return ErrorCode.RateLimited;
  if (status === 503) return ErrorCode.ServiceUnavailable;
  if (status === 504) return ErrorCode.Timeout;
  if (status >= 400 && status < 500) return ErrorCode.ValidationFailed;
  return ErrorCode.Internal;
};

export interface ProblemInit {
  readonly code: ErrorCode;
  readonly detail?: string | undefined;
  readonly errors?: readonly FieldError[] | undefined;
  readonly correlationId?: string | undefined;
  /** Only when the HTTP status differs from the code's own (413 Payload Too Large is a VALIDATION_FAILED). */
  readonly status?: number | undefined;
}

export const toProblem = ({ code, detail, errors, correlationId, status }: ProblemInit): ProblemDetails => {
  const ownStatus = statusForCode(code);
  const httpStatus = status ?? ownStatus;
  const problem: ProblemDetails = {
    type: problemType(code),
    title: httpStatus === ownStatus ? titles[code] : (STATUS_CODES[httpStatus] ?? titles[code]),
    status: httpStatus,
    code,
  };
  if (detail) problem.detail = detail;
  if (correlationId) problem.correlationId = correlationId;
  if (errors && errors.length > 0) problem.errors = [...errors];
  return problem;
};
