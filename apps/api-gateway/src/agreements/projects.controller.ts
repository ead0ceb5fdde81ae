import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  AgreementRegistrarRoles,
  CreateProjectRequestSchema,
  FinanceRoles,
  GetProjectRequestSchema,
  ListProjectsQuerySchema,
  SetExpendituresBodySchema,
  UpdateProjectBodySchema,
  type ParsedRequestOf,
  type Project,
  type ProjectPage,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext, Roles } from '../identity/access.decorators';

type ProjectId = z.output<typeof GetProjectRequestSchema>;

// Projects (DC activities) and the agreements that fund them; agreements-service decides who may.
@Controller('api/v1/projects')
export class ProjectsController {
  constructor(private readonly bus: MessageBus) {}

  @Get()
  @AnyRole()
  list(
    @Query(new ZodValidationPipe(ListProjectsQuerySchema)) query: ParsedRequestOf<'agreements.project.list'>,
    @BusContext() context: RequestOptions,
  ): Promise<ProjectPage> {
    return this.bus.request('agreements.project.list', query, context);
  }

  @Get(':id')
  @AnyRole()
  get(
    @Param(new ZodValidationPipe(GetProjectRequestSchema)) params: ProjectId,
    @BusContext() context: RequestOptions,
  ): Promise<Project> {
    return this.bus.request('agreements.project.get', params, context);
  }

  @Post()
  @Roles(...AgreementRegistrarRoles)
  @HttpCode(HttpStatus.CREATED)
  async create(
    @Body(new ZodValidationPipe(CreateProjectRequestSchema))
    command: ParsedRequestOf<'agreements.project.create'>,
    @BusContext() context: RequestOptions,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Project> {
    const project = await this.bus.request('agreements.project.create', command, context);
    void reply.header('location', `/api/v1/projects/${project.id}`);
    return project;
  }

  @Put(':id')
  @Roles(...AgreementRegistrarRoles)
  update(
    @Param(new ZodValidationPipe(GetProjectRequestSchema)) { id }: ProjectId,
    @Body(new ZodValidationPipe(UpdateProjectBodySchema)) body: z.output<typeof UpdateProjectBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<Project> {
    return this.bus.request('agreements.project.update', { ...body, id }, context);
  }

  /** Finance: expenditure by month (the whole list), valued in USD at each month's UN rate. */
  @Put(':id/expenditures')
  @Roles(...FinanceRoles)
  setExpenditures(
    @Param(new ZodValidationPipe(GetProjectRequestSchema)) { id }: ProjectId,
    @Body(new ZodValidationPipe(SetExpendituresBodySchema)) body: z.output<typeof SetExpendituresBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<Project> {
    return this.bus.request('agreements.project.set-expenditures', { ...body, id }, context);
  }
}
