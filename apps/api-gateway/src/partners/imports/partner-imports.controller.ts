import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import {
  ErrorCode,
  ListPartnerImportRowsQuerySchema,
  PartnerImportRequestSchema,
  PartnerRegistrarRoles,
  type PartnerImport,
  type PartnerImportRowPage,
} from '@pardev/contracts';
import { DomainError, MessageBus, type RequestOptions } from '@pardev/messaging';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { BusContext, Roles } from '../../identity/access.decorators';
import { importFormatOf, readImportFile } from './import-file';
import { PartnerImportUpload } from './partner-import-upload';

export const UploadImportQuerySchema = z.object({
  /** The name of the file as the person chose it (shown back, and in the audit trail). */
  fileName: z.string().trim().min(1, { message: 'is required' }).max(255),
});
export const ImportParamsSchema = z.object({ id: PartnerImportRequestSchema.shape.importId });
type ImportParams = z.output<typeof ImportParamsSchema>;

// Spreadsheet imports of partners: read here, staged, checked and applied by partners-service.
@Controller('api/v1/partners/imports')
export class PartnerImportsController {
  constructor(
    private readonly bus: MessageBus,
    private readonly upload: PartnerImportUpload,
  ) {}

  /** The file is the body (text/csv or the xlsx type); the answer is the dry run. */
  @Post()
  @Roles(...PartnerRegistrarRoles)
  @HttpCode(HttpStatus.CREATED)
  async create(
    @Req() request: FastifyRequest,
    @Query(new ZodValidationPipe(UploadImportQuerySchema))
    { fileName }: z.output<typeof UploadImportQuerySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<PartnerImport> {
    if (!Buffer.isBuffer(request.body)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'send the file itself as the body, with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        [{ field: 'file', rule: 'format', message: 'must be a .csv or .xlsx file' }],
      );
    }
    const format = importFormatOf(request.headers['content-type'], fileName);
    const file = await readImportFile(request.body, format);
    return this.upload.stageAndCheck(fileName, file, context);
  }

  @Get(':id')
  @Roles(...PartnerRegistrarRoles)
  get(
    @Param(new ZodValidationPipe(ImportParamsSchema)) { id }: ImportParams,
    @BusContext() context: RequestOptions,
  ): Promise<PartnerImport> {
    return this.bus.request('partners.import.get', { importId: id }, context);
  }

  @Get(':id/rows')
  @Roles(...PartnerRegistrarRoles)
  rows(
    @Param(new ZodValidationPipe(ImportParamsSchema)) { id }: ImportParams,
    @Query(new ZodValidationPipe(ListPartnerImportRowsQuerySchema))
    query: z.output<typeof ListPartnerImportRowsQuerySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<PartnerImportRowPage> {
    return this.bus.request('partners.import.rows', { ...query, importId: id }, context);
  }

  /** Starts writing; the answer comes at once, and GET shows the progress. */
  @Post(':id/apply')
  @Roles(...PartnerRegistrarRoles)
  @HttpCode(HttpStatus.ACCEPTED)
  apply(
    @Param(new ZodValidationPipe(ImportParamsSchema)) { id }: ImportParams,
    @BusContext() context: RequestOptions,
  ): Promise<PartnerImport> {
    return this.bus.request('partners.import.apply', { importId: id }, context);
  }
}
