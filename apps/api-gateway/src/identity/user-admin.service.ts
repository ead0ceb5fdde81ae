import { Injectable } from '@nestjs/common';
import { ErrorCode, type CreateUserRequest, type Role, type User, type UserPage } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { hashPassword } from './password';
import { IdentityService } from './identity.service';
import { toUser } from './user.mapper';
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
    private readonly users: UsersRepository,
    private readonly identity: IdentityService,
  ) {}

  async list(q: string | undefined, page: number, pageSize: number): Promise<UserPage> {
    const { items, total } = await this.users.search(q, page, pageSize);
    return { items: items.map(toUser), total, page, pageSize };
  }

  async create(request: CreateUserRequest): Promise<User> {
    const created = await this.identity.createUser(request);
    return toUser(await this.load(created.id));
  }

  async setRoles(id: string, roles: readonly Role[], actorId: string): Promise<User> {
    const user = await this.load(id);
    if (id === actorId && !roles.includes('admin')) throw notOnYourself('remove the admin role from');
    user.roles = [...new Set(roles)];
    return this.saveAndSignOut(user);
  }

  async setActive(id: string, active: boolean, actorId: string): Promise<User> {
    if (id === actorId && !active) throw notOnYourself('deactivate');
    const user = await this.load(id);
    user.active = active;
    return this.saveAndSignOut(user);
  }

  async resetPassword(id: string, password: string): Promise<User> {
    const user = await this.load(id);
    user.passwordHash = await hashPassword(password);
    return this.saveAndSignOut(user);
  }

  private async load(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw userNotFound(id);
    return user;
  }

  // Every change to an account ends its sessions: the user signs in again under the new terms.
  private async saveAndSignOut(user: UserEntity): Promise<User> {
    const saved = await this.users.save(user);
    await this.identity.endSessionsOf(user.id);
    return toUser(saved);
  }
}
