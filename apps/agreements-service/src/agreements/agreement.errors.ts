import { ErrorCode, type FieldError } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';

export const agreementNotFound = (id: string): DomainError =>
  new DomainError(ErrorCode.AgreementNotFound, `agreement ${id} does not exist`);

export const trancheNotFound = (id: string): DomainError =>
  new DomainError(ErrorCode.TrancheNotFound, `the agreement has no tranche ${id}`);

export const notAllowedToDraft = (): DomainError =>
  new DomainError(ErrorCode.Forbidden, 'only admins and officers may draft an agreement');

export const notAllowedToChange = (id: string): DomainError =>
  new DomainError(
    ErrorCode.Forbidden,
    `only an admin, or the responsible officer or a delegate of agreement ${id}, may change it`,
  );

export const notAllowedToAssign = (id: string): DomainError =>
  new DomainError(
    ErrorCode.Forbidden,
    `only an admin or the responsible officer of agreement ${id} may change who is responsible for it`,
  );

export const notFinance = (): DomainError =>
  new DomainError(
    ErrorCode.Forbidden,
    'only finance (or an admin) records invoices, money received and rates',
  );

export const staleVersion = (id: string, sent: number, current: number): DomainError =>
  new DomainError(
    ErrorCode.VersionConflict,
    `agreement ${id} was changed by someone else (you edited version ${sent}, it is now at ${current}); reload it and apply your change again`,
    [{ field: 'version', rule: 'current', message: `must be the current version (${current})` }],
  );

export const transitionRefused = (action: string, refusals: FieldError[]): DomainError =>
  new DomainError(
    ErrorCode.TransitionRefused,
    `cannot ${action}: ${refusals.map((r) => r.message).join('; ')}`,
    refusals,
  );

export const lockedTerms = (reference: string, status: string): DomainError =>
  new DomainError(
    ErrorCode.AgreementLocked,
    `${reference} is ${status}: its terms change only by an amendment`,
    [
      {
        field: 'status',
        rule: 'signed',
        message: 'the terms of a signed agreement change only by an amendment',
      },
    ],
  );

export const finalAgreement = (reference: string, status: string): DomainError =>
  new DomainError(ErrorCode.AgreementLocked, `${reference} is ${status}: nothing changes any more`, [
    { field: 'status', rule: 'final', message: `the agreement is ${status}` },
  ]);

export const partnerProblems = (problems: FieldError[]): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, problems.map((p) => p.message).join('; '), problems);

export const trancheRefused = (message: string, field: string, rule: string): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, message, [{ field, rule, message }]);
