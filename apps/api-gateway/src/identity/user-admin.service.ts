import { Injectable } from '@nestjs/common';
import { ErrorCode, type CreateUserRequest, type Role, type User, type UserPage } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { AuditTrail, changesBetween } from '@pardev/persistence';
import type { ActingCause } from './principal';
import { DataSource } from 'typeorm';
import { hashPassword } from './password';
import { IdentityService } from './identity.service';
import { auditedUserFields, toUser } from './user.mapper';
import { UsersRepository } from './users.repository';
import type { UserEntity } from './user.entity';

const userNotFound = (id: string) => new DomainError(ErrorCode.NotFound, `user ${id} does not exist`);
// An admin who could lock themselves out would leave nobody to undo it.
const notOnYourself = (what: string) =>
  new DomainError(ErrorCode.Forbidden, `you cannot ${what} your own account`);

/** What an admin does with accounts: invite, change roles, deactivate, reset a password. */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly identity: IdentityService,
    private readonly audit: AuditTrail,
  ) {}

  async list(q: string | undefined, page: number, pageSize: number): Promise<UserPage> {
    const { items, total } = await this.users.search(q, page, pageSize);
    return { items: items.map(toUser), total, page, pageSize };
  }

  async create(request: CreateUserRequest, cause: ActingCause): Promise<User> {
    const created = await this.identity.createUser(request, cause);
    const user = await this.users.findById(created.id);
    if (!user) throw userNotFound(created.id);
    return toUser(user);
  }

  setRoles(id: string, roles: readonly Role[], cause: ActingCause): Promise<User> {
    if (id === cause.actor.userId && !roles.includes('admin')) {
      throw notOnYourself('remove the admin role from');
    }
    return this.change(id, 'user.roles-changed', cause, (user) => {
      user.roles = [...new Set(roles)];
    });
  }

  setActive(id: string, active: boolean, cause: ActingCause): Promise<User> {
    if (id === cause.actor.userId && !active) throw notOnYourself('deactivate');
    return this.change(id, active ? 'user.reactivated' : 'user.deactivated', cause, (user) => {
      user.active = active;
    });
  }

  async resetPassword(id: string, password: string, cause: ActingCause): Promise<User> {
    const passwordHash = await hashPassword(password);
    return this.change(id, 'user.password-reset', cause, (user) => {
      user.passwordHash = passwordHash;
    });
  }

  /**
   * One change to one account, in one transaction: applied, recorded in the audit trail (the
   * password as "changed", never a value) and every session of the account ended on every replica.
   * The user signs in again under the new terms.
   */
  private async change(
    id: string,
    action: string,
    cause: ActingCause,
    apply: (user: UserEntity) => void,
  ): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockById(manager, id);
      if (!user) throw userNotFound(id);
      const before = { ...auditedUserFields(user), password: user.passwordHash };
      apply(user);
      const saved = await this.users.save(manager, user);
      const after = { ...auditedUserFields(saved), password: saved.passwordHash };
      const changes = changesBetween(before, after, { recordWithoutValue: ['password'] });
      await this.audit.record(manager, { action, entityType: 'user', entityId: id, changes }, cause);
      await this.identity.endSessionsOf(manager, id);
      return toUser(saved);
    });
  }
}
