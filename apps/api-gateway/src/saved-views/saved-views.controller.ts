import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ErrorCode,
  SAVED_VIEWS_PER_LIST,
  SaveViewRequestSchema,
  SavedViewIdParamsSchema,
  SavedViewsQuerySchema,
  type SavedView,
  type SavedViews,
  type SessionUser,
} from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { QueryFailedError } from 'typeorm';
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, CurrentUser } from '../identity/access.decorators';
import { SavedViewsRepository } from './saved-views.repository';

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';

// A person's saved views of a list (its filters and sort); nobody else sees or changes them.
@Controller('api/v1/me/saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsRepository) {}

  @Get()
  @AnyRole()
  async list(
    @Query(new ZodValidationPipe(SavedViewsQuerySchema)) { list }: z.output<typeof SavedViewsQuerySchema>,
    @CurrentUser() user: SessionUser,
  ): Promise<SavedViews> {
    return { items: await this.views.of(user.id, list) };
  }

  @Post()
  @AnyRole()
  @HttpCode(HttpStatus.CREATED)
  async save(
    @Body(new ZodValidationPipe(SaveViewRequestSchema)) view: z.output<typeof SaveViewRequestSchema>,
    @CurrentUser() user: SessionUser,
  ): Promise<SavedView> {
    try {
      const saved = await this.views.insert(user.id, view, SAVED_VIEWS_PER_LIST);
      if (saved) return saved;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(ErrorCode.SavedViewConflict, `you already have a view named "${view.name}"`, [
        { field: 'name', rule: 'unique', message: 'is already the name of one of your views' },
      ]);
    }
    throw new DomainError(
      ErrorCode.SavedViewConflict,
      `you have ${SAVED_VIEWS_PER_LIST} saved views of this list already; delete one first`,
      [{ field: 'list', rule: 'limit', message: `has at most ${SAVED_VIEWS_PER_LIST} saved views` }],
    );
  }

  @Delete(':id')
  @AnyRole()
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(
    @Param(new ZodValidationPipe(SavedViewIdParamsSchema)) { id }: z.output<typeof SavedViewIdParamsSchema>,
    @CurrentUser() user: SessionUser,
  ): Promise<void> {
    if (!(await this.views.remove(user.id, id))) {
      throw new DomainError(ErrorCode.SavedViewNotFound, `you have no saved view ${id}`);
    }
  }
}
