import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  CreateUserRequestSchema,
  ListUsersQuerySchema,
  ResetPasswordRequestSchema,
  SetRolesRequestSchema,
  UserIdParamsSchema,
  type CreateUserRequest,
  type SessionUser,
  type User,
  type UserPage,
} from '@pardev/contracts';
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { CurrentUser, Roles } from './access.decorators';
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
  create(@Body(new ZodValidationPipe(CreateUserRequestSchema)) body: CreateUserRequest): Promise<User> {
    return this.accounts.create(body);
  }

  @Post(':id/roles')
  @HttpCode(HttpStatus.OK)
  setRoles(
    @Param(new ZodValidationPipe(UserIdParamsSchema)) { id }: UserId,
    @Body(new ZodValidationPipe(SetRolesRequestSchema)) { roles }: z.output<typeof SetRolesRequestSchema>,
    @CurrentUser() actor: SessionUser,
  ): Promise<User> {
    return this.accounts.setRoles(id, roles, actor.id);
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  deactivate(
    @Param(new ZodValidationPipe(UserIdParamsSchema)) { id }: UserId,
    @CurrentUser() actor: SessionUser,
  ): Promise<User> {
    return this.accounts.setActive(id, false, actor.id);
  }

  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  reactivate(
    @Param(new ZodValidationPipe(UserIdParamsSchema)) { id }: UserId,
    @CurrentUser() actor: SessionUser,
  ): Promise<User> {
    return this.accounts.setActive(id, true, actor.id);
  }

  @Post(':id/password')
  @HttpCode(HttpStatus.OK)
  resetPassword(
    @Param(new ZodValidationPipe(UserIdParamsSchema)) { id }: UserId,
    @Body(new ZodValidationPipe(ResetPasswordRequestSchema))
    { password }: z.output<typeof ResetPasswordRequestSchema>,
  ): Promise<User> {
    return this.accounts.resetPassword(id, password);
  }
}
