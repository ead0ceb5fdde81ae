import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  CreateUserRequestSchema,
  ListUsersQuerySchema,
  ResetPasswordRequestSchema,
  SetRolesRequestSchema,
  UserIdParamsSchema,
  type CreateUserRequest,
  type User,
  type UserPage,
} from '@pardev/contracts';
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { Acting, Roles } from './access.decorators';
import type { ActingCause } from './principal';
import { UserAdminService } from './user-admin.service';

type UserId = z.output<typeof UserIdParamsSchema>;

// Accounts are the gateway's own data (identity), so these routes do not go over the bus.
@Controller('api/v1/users')
@Roles('admin')
export class UserAdminController {
  constructor(private readonly accounts: UserAdminService) {}

  @Get()
  list(
    @Query(new ZodValidationPipe(ListUsersQuerySchema)) query: z.output<typeof ListUsersQuerySchema>,
  ): Promise<UserPage> {
    return this.accounts.list(query.q, query.page, query.pageSize);
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(
    @Body(new ZodValidationPipe(CreateUserRequestSchema)) body: CreateUserRequest,
    @Acting() cause: ActingCause,
  ): Promise<User> {
    return this.accounts.create(body, cause);
  }

  @Post(':id/roles')
  @HttpCode(HttpStatus.OK)
  setRoles(
    @Param(new ZodValidationPipe(UserIdParamsSchema)) { id }: UserId,
    @Body(new ZodValidationPipe(SetRolesRequestSchema)) { roles }: z.output<typeof SetRolesRequestSchema>,
    @Acting() cause: ActingCause,
  ): Promise<User> {
    return this.accounts.setRoles(id, roles, cause);
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  deactivate(
    @Param(new ZodValidationPipe(UserIdParamsSchema)) { id }: UserId,
    @Acting() cause: ActingCause,
  ): Promise<User> {
    return this.accounts.setActive(id, false, cause);
  }

  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  reactivate(
    @Param(new ZodValidationPipe(UserIdParamsSchema)) { id }: UserId,
    @Acting() cause: ActingCause,
  ): Promise<User> {
    return this.accounts.setActive(id, true, cause);
  }

  @Post(':id/password')
  @HttpCode(HttpStatus.OK)
  resetPassword(
    @Param(new ZodValidationPipe(UserIdParamsSchema)) { id }: UserId,
    @Body(new ZodValidationPipe(ResetPasswordRequestSchema))
    { password }: z.output<typeof ResetPasswordRequestSchema>,
    @Acting() cause: ActingCause,
  ): Promise<User> {
    return this.accounts.resetPassword(id, password, cause);
  }
}
