import { ErrorCode, type Role } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';

// One message for a wrong e-mail and a wrong password: which one it was is nobody's business.
export const invalidCredentials = (): DomainError =>
  new DomainError(ErrorCode.InvalidCredentials, 'the e-mail or password is wrong');

export const tooManyAttempts = (): DomainError =>
  new DomainError(
    ErrorCode.TooManyAttempts,
    'too many failed sign-in attempts for this account or address; wait 15 minutes and try again',
  );

export const unauthenticated = (): DomainError =>
  new DomainError(ErrorCode.Unauthenticated, 'sign in to continue');

export const forbidden = (required: readonly Role[]): DomainError =>
  new DomainError(ErrorCode.Forbidden, `this needs one of the roles: ${required.join(', ')}`);

export const emailTaken = (): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, 'a user with this e-mail already exists', [
    { field: 'email', rule: 'unique', message: 'is already used by another user' },
  ]);

export const weakPassword = (message: string): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, 'the password is too weak', [
    { field: 'password', rule: 'too_small', message },
  ]);
