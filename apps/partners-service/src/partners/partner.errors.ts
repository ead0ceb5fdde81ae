import { ErrorCode } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';

export const partnerNotFound = (id: string): DomainError =>
  new DomainError(ErrorCode.PartnerNotFound, `partner ${id} does not exist`);

export const partnerAlreadyExists = (name: string, country: string | null): DomainError =>
  new DomainError(
    ErrorCode.PartnerAlreadyExists,
    `a partner named "${name}" is already registered${country ? ` in ${country}` : ''}`,
    [{ field: 'name', rule: 'unique', message: 'a partner with this name (and country) already exists' }],
  );

export const notAllowedToRegister = (): DomainError =>
  new DomainError(ErrorCode.Forbidden, 'only admins and officers may register a partner');

export const notAllowedToChange = (id: string): DomainError =>
  new DomainError(
    ErrorCode.Forbidden,
    `only an admin, or the responsible officer or a delegate of partner ${id}, may change it`,
  );

export const notAllowedToAssign = (id: string): DomainError =>
  new DomainError(
    ErrorCode.Forbidden,
    `only an admin or the responsible officer of partner ${id} may change who is responsible for it`,
  );

export const staleVersion = (id: string, sent: number, current: number): DomainError =>
  new DomainError(
    ErrorCode.VersionConflict,
    `partner ${id} was changed by someone else (you edited version ${sent}, it is now at ${current}); reload it and apply your change again`,
    [{ field: 'version', rule: 'current', message: `must be the current version (${current})` }],
  );

export const iatiIdentifierTaken = (identifier: string): DomainError =>
  new DomainError(
    ErrorCode.PartnerAlreadyExists,
    `a partner with IATI identifier ${identifier} is already registered`,
    [
      {
        field: 'iatiIdentifier',
        rule: 'unique',
        message: 'another partner has this IATI organisation identifier',
      },
    ],
  );

export const invalidParent = (message: string): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, `the parent partner ${message}`, [
    { field: 'parentPartnerId', rule: 'parent', message },
  ]);
