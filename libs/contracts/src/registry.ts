import { z } from 'zod';
import {
  AddTrancheRequestSchema,
  AgreementPageSchema,
  AgreementRegisteredV1Schema,
  AgreementSchema,
  AgreementStatusChangedV1Schema,
  AgreementUpdatedV1Schema,
  AssignAgreementRequestSchema,
  CancelTrancheRequestSchema,
  CreateAgreementRequestSchema,
  CurrencyRateListSchema,
  CurrencyRatesQuerySchema,
  GetAgreementRequestSchema,
  GetScheduleRequestSchema,
  ListAgreementsQuerySchema,
  RecordInvoiceRequestSchema,
  RecordReceiptRequestSchema,
  SetCurrencyRatesRequestSchema,
  TrancheReceivedV1Schema,
  TrancheScheduleSchema,
  TransitionRequestSchema,
  UpdateAgreementRequestSchema,
  UpdateTrancheRequestSchema,
} from './agreements/agreement.contracts';
import {
  ListPartnerOptionsQuerySchema,
  PartnerOptionPageSchema,
} from './agreements/partner-option.contracts';
import { AuditPageSchema, AuditQuerySchema } from './audit/audit.contracts';
import {
  DueDiligenceSchema,
  ExpiringChecksQuerySchema,
  ExpiringChecksSchema,
  GetDueDiligenceRequestSchema,
  PartnerFlagRaisedV1Schema,
  PartnerFlagResolvedV1Schema,
  PartnerStatusChangedV1Schema,
  RaiseFlagRequestSchema,
  RecordCheckRequestSchema,
  ResolveFlagRequestSchema,
} from './partners/due-diligence.contracts';
import { HealthCheckRequestSchema, HealthReportSchema } from './health/health.contracts';
import {
  AddContactRequestSchema,
  AssignPartnerRequestSchema,
  ContactListSchema,
  ListContactsRequestSchema,
  RemoveContactRequestSchema,
  UpdateContactRequestSchema,
  DuplicateCandidatesSchema,
  FindDuplicatesQuerySchema,
  GetPartnerRequestSchema,
  ListPartnersQuerySchema,
  PartnerPageSchema,
  PartnerRegisteredV1Schema,
  PartnerSchema,
  PartnerUpdatedV1Schema,
  PartnerTimelineRequestSchema,
  PartnerTimelineSchema,
  RegisterPartnerRequestSchema,
  UpdatePartnerRequestSchema,
} from './partners/partner.contracts';
import {
  AgreementVersionListSchema,
  AmendmentListSchema,
  AmendmentSchema,
  DecideAmendmentRequestSchema,
  ListAmendmentsRequestSchema,
  ProposeAmendmentRequestSchema,
  VersionDiffRequestSchema,
  VersionDiffSchema,
} from './agreements/amendment.contracts';
import {
  CreateProjectRequestSchema,
  GetProjectRequestSchema,
  ListProjectsQuerySchema,
  ProjectPageSchema,
  ProjectSchema,
  SetExpendituresRequestSchema,
  UpdateProjectRequestSchema,
} from './agreements/project.contracts';
import {
  GetObligationsRequestSchema,
  ListReportsQuerySchema,
  ObligationListSchema,
  ObligationsSetV1Schema,
  ReportDuePageSchema,
  SetObligationsRequestSchema,
} from './agreements/reporting.contracts';
import {
  ListPartnerImportRowsRequestSchema,
  PartnerImportRequestSchema,
  PartnerImportRowPageSchema,
  PartnerImportSchema,
  StagePartnerImportRowsRequestSchema,
  StagedRowsSchema,
  StartPartnerImportRequestSchema,
} from './partners/partner-import.contracts';
import {
  DirectoryPartnerPageSchema,
  ListDirectoryPartnersQuerySchema,
} from './results/partner-directory.contracts';

// Bounded contexts; each owns a JetStream stream of its events.
export const Contexts = ['partners', 'agreements', 'results'] as const;
export type Context = (typeof Contexts)[number];

interface RequestContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly kind: 'query' | 'command';
  readonly request: Req;
  readonly response: Res;
}
const query = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) =>
  ({ kind: 'query', request, response }) as const satisfies RequestContract<Req, Res>;
const command = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) =>
  ({ kind: 'command', request, response }) as const satisfies RequestContract<Req, Res>;

interface EventContract<P extends z.ZodType = z.ZodType> {
  readonly context: Context;
  readonly payload: P;
}
const event = <P extends z.ZodType>(context: Context, payload: P) =>
  ({ context, payload }) as const satisfies EventContract<P>;

// Queries and commands: `<context>.<aggregate>.<verb>` (three tokens), answered by one service.
export const requestContracts = {
  'partners.partner.register': command(RegisterPartnerRequestSchema, PartnerSchema),
  'partners.partner.get': query(GetPartnerRequestSchema, PartnerSchema),
  'partners.partner.list': query(ListPartnersQuerySchema, PartnerPageSchema),
  'partners.partner.update': command(UpdatePartnerRequestSchema, PartnerSchema),
  'partners.partner.assign': command(AssignPartnerRequestSchema, PartnerSchema),
  'partners.partner.timeline': query(PartnerTimelineRequestSchema, PartnerTimelineSchema),
  'partners.partner.find-duplicates': query(FindDuplicatesQuerySchema, DuplicateCandidatesSchema),
  'partners.contact.list': query(ListContactsRequestSchema, ContactListSchema),
  'partners.contact.add': command(AddContactRequestSchema, ContactListSchema),
  'partners.contact.update': command(UpdateContactRequestSchema, ContactListSchema),
  'partners.contact.remove': command(RemoveContactRequestSchema, ContactListSchema),
  'partners.due-diligence.get': query(GetDueDiligenceRequestSchema, DueDiligenceSchema),
  'partners.check.record': command(RecordCheckRequestSchema, DueDiligenceSchema),
  'partners.check.expiring': query(ExpiringChecksQuerySchema, ExpiringChecksSchema),
  'partners.flag.raise': command(RaiseFlagRequestSchema, DueDiligenceSchema),
  'partners.flag.resolve': command(ResolveFlagRequestSchema, DueDiligenceSchema),
  // Spreadsheet import: start, stage the rows in chunks, check (dry run), apply; read back.
  'partners.import.start': command(StartPartnerImportRequestSchema, PartnerImportSchema),
  'partners.import.stage-rows': command(StagePartnerImportRowsRequestSchema, StagedRowsSchema),
  'partners.import.check': command(PartnerImportRequestSchema, PartnerImportSchema),
  'partners.import.apply': command(PartnerImportRequestSchema, PartnerImportSchema),
  'partners.import.get': query(PartnerImportRequestSchema, PartnerImportSchema),
  'partners.import.rows': query(ListPartnerImportRowsRequestSchema, PartnerImportRowPageSchema),
  'partners.audit.search': query(AuditQuerySchema, AuditPageSchema),
  'partners.health.check': query(HealthCheckRequestSchema, HealthReportSchema),
  'agreements.partner-option.list': query(ListPartnerOptionsQuerySchema, PartnerOptionPageSchema),
  'agreements.agreement.create': command(CreateAgreementRequestSchema, AgreementSchema),
  'agreements.agreement.get': query(GetAgreementRequestSchema, AgreementSchema),
  'agreements.agreement.list': query(ListAgreementsQuerySchema, AgreementPageSchema),
  'agreements.agreement.update': command(UpdateAgreementRequestSchema, AgreementSchema),
  'agreements.agreement.assign': command(AssignAgreementRequestSchema, AgreementSchema),
  'agreements.agreement.transition': command(TransitionRequestSchema, AgreementSchema),
  'agreements.tranche.list': query(GetScheduleRequestSchema, TrancheScheduleSchema),
  'agreements.tranche.add': command(AddTrancheRequestSchema, TrancheScheduleSchema),
  'agreements.tranche.update': command(UpdateTrancheRequestSchema, TrancheScheduleSchema),
  'agreements.tranche.cancel': command(CancelTrancheRequestSchema, TrancheScheduleSchema),
  'agreements.tranche.invoice': command(RecordInvoiceRequestSchema, TrancheScheduleSchema),
  'agreements.tranche.receive': command(RecordReceiptRequestSchema, TrancheScheduleSchema),
  'agreements.amendment.list': query(ListAmendmentsRequestSchema, AmendmentListSchema),
  'agreements.amendment.propose': command(ProposeAmendmentRequestSchema, AmendmentSchema),
  'agreements.amendment.decide': command(DecideAmendmentRequestSchema, AmendmentSchema),
  'agreements.version.list': query(ListAmendmentsRequestSchema, AgreementVersionListSchema),
  'agreements.version.diff': query(VersionDiffRequestSchema, VersionDiffSchema),
  'agreements.project.create': command(CreateProjectRequestSchema, ProjectSchema),
  'agreements.project.get': query(GetProjectRequestSchema, ProjectSchema),
  'agreements.project.list': query(ListProjectsQuerySchema, ProjectPageSchema),
  'agreements.project.update': command(UpdateProjectRequestSchema, ProjectSchema),
  'agreements.project.set-expenditures': command(SetExpendituresRequestSchema, ProjectSchema),
  'agreements.obligation.list': query(GetObligationsRequestSchema, ObligationListSchema),
  'agreements.obligation.set': command(SetObligationsRequestSchema, ObligationListSchema),
  'agreements.currency-rate.list': query(CurrencyRatesQuerySchema, CurrencyRateListSchema),
  'agreements.currency-rate.set': command(SetCurrencyRatesRequestSchema, CurrencyRateListSchema),
  'agreements.audit.search': query(AuditQuerySchema, AuditPageSchema),
  'agreements.health.check': query(HealthCheckRequestSchema, HealthReportSchema),
  'results.partner-directory.list': query(ListDirectoryPartnersQuerySchema, DirectoryPartnerPageSchema),
  'results.report.list': query(ListReportsQuerySchema, ReportDuePageSchema),
  'results.audit.search': query(AuditQuerySchema, AuditPageSchema),
  'results.health.check': query(HealthCheckRequestSchema, HealthReportSchema),
} as const;

// Events: `<context>.<aggregate>.<past-tense-event>.v<N>` (four tokens), durable, fan-out.
export const eventContracts = {
  'partners.partner.registered.v1': event('partners', PartnerRegisteredV1Schema),
  'partners.partner.updated.v1': event('partners', PartnerUpdatedV1Schema),
  'partners.partner.status-changed.v1': event('partners', PartnerStatusChangedV1Schema),
  'partners.partner.flag-raised.v1': event('partners', PartnerFlagRaisedV1Schema),
  'partners.partner.flag-resolved.v1': event('partners', PartnerFlagResolvedV1Schema),
  'agreements.agreement.registered.v1': event('agreements', AgreementRegisteredV1Schema),
  'agreements.agreement.updated.v1': event('agreements', AgreementUpdatedV1Schema),
  'agreements.agreement.status-changed.v1': event('agreements', AgreementStatusChangedV1Schema),
  'agreements.agreement.tranche-received.v1': event('agreements', TrancheReceivedV1Schema),
  'agreements.agreement.obligations-set.v1': event('agreements', ObligationsSetV1Schema),
} as const;

export type RequestSubject = keyof typeof requestContracts;
export type EventSubject = keyof typeof eventContracts;
/** What a caller sends (before defaults and coercion). */
export type RequestOf<S extends RequestSubject> = z.input<(typeof requestContracts)[S]['request']>;
/** What a handler receives, after the schema has parsed it. */
export type ParsedRequestOf<S extends RequestSubject> = z.output<(typeof requestContracts)[S]['request']>;
export type ResponseOf<S extends RequestSubject> = z.output<(typeof requestContracts)[S]['response']>;
export type EventOf<S extends EventSubject> = z.output<(typeof eventContracts)[S]['payload']>;

export const isRequestSubject = (subject: string): subject is RequestSubject =>
  Object.hasOwn(requestContracts, subject);
export const isEventSubject = (subject: string): subject is EventSubject =>
  Object.hasOwn(eventContracts, subject);

export const contextOf = (subject: RequestSubject | EventSubject): Context =>
  subject.split('.')[0] as Context;

export const eventSubjectsOf = (context: Context): EventSubject[] =>
  (Object.keys(eventContracts) as EventSubject[]).filter((s) => eventContracts[s].context === context);

/** The audit-trail query every context answers (the gateway searches them all). */
export const auditSearchSubjects = {
  partners: 'partners.audit.search',
  agreements: 'agreements.audit.search',
  results: 'results.audit.search',
} as const satisfies Record<Context, RequestSubject>;
