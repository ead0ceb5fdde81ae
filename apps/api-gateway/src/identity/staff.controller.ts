import { Controller, Get, Query } from '@nestjs/common';
import { StaffQuerySchema, type StaffList } from '@pardev/contracts';
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole } from './access.decorators';
import { knownRoles } from './identity.rules';
import { UsersRepository } from './users.repository';

// Colleagues by name and role, for every signed-in user: who manages a partner, whom to pick as a
// delegate. No e-mail addresses and no inactive accounts: the admin's Users page is for that.
@Controller('api/v1/staff')
export class StaffController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @AnyRole()
  async list(
    @Query(new ZodValidationPipe(StaffQuerySchema)) { role }: z.output<typeof StaffQuerySchema>,
  ): Promise<StaffList> {
    const users = await this.users.active(role);
    return {
      items: users.map(({ id, displayName, roles }) => ({
        id,
        displayName,
        roles: knownRoles(roles),
      })),
    };
  }
}
