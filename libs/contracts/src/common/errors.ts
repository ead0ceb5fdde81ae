// Error codes travel across processes as strings; the gateway maps each one to an HTTP status.
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  RateLimited = 'RATE_LIMITED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  PartnerNotFound = 'PARTNER_NOT_FOUND',
  PartnerAlreadyExists = 'PARTNER_ALREADY_EXISTS',
  FlagNotFound = 'FLAG_NOT_FOUND',
  FlagAlreadyResolved = 'FLAG_ALREADY_RESOLVED',
  AgreementNotFound = 'AGREEMENT_NOT_FOUND',
  TrancheNotFound = 'TRANCHE_NOT_FOUND',
  TransitionRefused = 'TRANSITION_REFUSED',
  AgreementLocked = 'AGREEMENT_LOCKED',
  ImportNotFound = 'IMPORT_NOT_FOUND',
  ImportNotOpen = 'IMPORT_NOT_OPEN',
  SavedViewNotFound = 'SAVED_VIEW_NOT_FOUND',
  SavedViewConflict = 'SAVED_VIEW_CONFLICT',
  VersionConflict = 'VERSION_CONFLICT',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Timeout = 'TIMEOUT',
  Internal = 'INTERNAL',
}

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (Object.values(ErrorCode) as string[]).includes(value);
