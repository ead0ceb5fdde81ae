import type { Agreement, Project } from '@pardev/contracts';
import { amountRow, type AmountRow } from './amount-rows';
import { amountInputValue, parseAmount } from './money';

export interface ProjectDraft {
  code: string;
  title: string;
  description: string;
  status: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  currency: string;
  budgets: AmountRow[];
  screened: boolean;
  riskLevel: string;
  screenedOn: string;
  mitigation: string;
  seahName: string;
  seahEmail: string;
}

/** The project as it stands, or a new one with the agreement's dates and currency. */
export const projectDraftOf = (project: Project | null, agreement: Agreement): ProjectDraft => ({
  code: project?.code ?? '',
  title: project?.title ?? '',
  description: project?.description ?? '',
  status: project?.status ?? '1',
  plannedStart: project?.plannedStart ?? agreement.startOn ?? '',
  plannedEnd: project?.plannedEnd ?? agreement.endOn ?? '',
  actualStart: project?.actualStart ?? '',
  actualEnd: project?.actualEnd ?? '',
  currency: project?.currency ?? agreement.currency,
  budgets: (project?.budgets ?? []).map((b) =>
    amountRow(String(b.year), amountInputValue(b.amountMinor, project?.currency ?? agreement.currency)),
  ),
  screened: project?.essf !== null && project?.essf !== undefined,
  riskLevel: project?.essf?.riskLevel ?? '',
  screenedOn: project?.essf?.screenedOn ?? '',
  mitigation: project?.essf?.mitigation ?? '',
  seahName: project?.seahFocalPoint?.name ?? '',
  seahEmail: project?.seahFocalPoint?.email ?? '',
});

const blank = (value: string) => (value.trim() === '' ? null : value.trim());

/** What the contract reads from the draft (an amount that is not one is sent as -1: the schema refuses it). */
export const projectRequestOf = (draft: ProjectDraft, agreementIds: string[]) => ({
  code: draft.code,
  title: draft.title,
  description: blank(draft.description),
  status: draft.status,
  agreementIds,
  plannedStart: blank(draft.plannedStart),
  plannedEnd: blank(draft.plannedEnd),
  actualStart: blank(draft.actualStart),
  actualEnd: blank(draft.actualEnd),
  currency: draft.currency,
  budgets: draft.budgets.map((row) => ({
    year: Number(row.period),
    amountMinor: parseAmount(row.amount, draft.currency) ?? -1,
  })),
  essf: draft.screened
    ? { riskLevel: draft.riskLevel, screenedOn: draft.screenedOn, mitigation: blank(draft.mitigation) }
    : null,
  seahFocalPoint:
    draft.seahName.trim() || draft.seahEmail.trim()
      ? { name: draft.seahName.trim(), email: draft.seahEmail.trim() }
      : null,
});
