import type { DueDiligence, Flag } from '@pardev/contracts';
import { configure, fireEvent, getConfig, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, todayIsoDate } from '../../lib/dates';
import {
  errorOf,
  mockFetch,
  partnerFixture,
  problemResponse,
  renderWithApp,
  sentBodies,
  signedInAs,
  staff,
  type FetchHandler,
} from '../../testing/test-utils';
import { appRoutes } from '../router';

const { olga, pablo, ada, aude, vera } = staff;

/** An ISO date `offset` days from today. */
const day = (offset: number) => todayIsoDate(new Date(Date.now() + offset * 86_400_000));

const partner = partnerFixture({
  name: 'Acme Mining Ltd',
  acronym: null,
  organisationType: '70',
  category: 'PRIVATE_SECTOR',
  country: null,
  responsibleOfficerId: olga.id,
});
const partnerUrl = `/api/v1/partners/${partner.id}`;
const page = `/partners/${partner.id}?tab=due-diligence`;

const id = (suffix: string) => `0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7f${suffix}`;
const sanctions = {
  id: id('01'),
  partnerId: partner.id,
  type: 'SANCTIONS',
  result: 'CLEAR',
  checkedOn: day(-353),
  expiresOn: day(12),
  evidence: 'https://screening.example.org/reports/881',
  notes: null,
  reviewerId: pablo.id,
  recordedAt: '2026-01-05T10:00:00.000Z',
} as const;
const financial = {
  ...sanctions,
  id: id('02'),
  type: 'FINANCIAL',
  result: 'MATCH',
  expiresOn: null,
  evidence: 'Audited accounts 2025, DMS ref. FIN-2025-114',
  notes: 'Late filing in 2024, explained by the auditor.',
} as const;

const flag = (suffix: string, fields: Partial<Flag>): Flag => ({
  id: id(suffix),
  partnerId: partner.id,
  level: 'YELLOW',
  category: 'REPUTATIONAL',
  comment: 'Press reports of a labour dispute at a subsidiary.',
  raisedAt: '2026-02-10T09:00:00.000Z',
  raisedBy: pablo.id,
  resolvedAt: null,
  resolvedBy: null,
  resolution: null,
  ...fields,
});
const yellow = flag('11', {});
const red = flag('12', {
  level: 'RED',
  category: 'SANCTIONS_MATCH',
  comment: 'Director named on a national sanctions list.',
  raisedAt: '2026-02-01T09:00:00.000Z',
});
const seah = flag('13', {
  level: 'ESCALATED',
  category: 'SEXUAL_EXPLOITATION_AND_ABUSE',
  comment: 'Allegation under review by the investigation unit.',
});
const closed = flag('14', {
  level: 'OBSERVATION',
  category: 'OPERATIONAL',
  comment: 'Slow replies to the annual questionnaire.',
  raisedAt: '2025-10-01T09:00:00.000Z',
  resolvedAt: '2025-11-01T09:00:00.000Z',
  resolvedBy: ada.id,
  resolution: 'Questionnaire received in full.',
});

const dueDiligence = (fields: Partial<DueDiligence> = {}): DueDiligence => ({
  partnerId: partner.id,
  category: 'PRIVATE_SECTOR',
  checks: [sanctions, financial],
  flags: [red, yellow, seah, closed],
  blockedForNewAgreements: false,
  reasons: [],
  restricted: false,
  missingChecks: ['SEAH_PSEA', 'PRIVATE_SECTOR'],
  ...fields,
});
/** What a viewer is sent: no checks, no SEAH flag. */
const forViewer = (full: DueDiligence): DueDiligence => ({
  ...full,
  checks: [],
  flags: full.flags.filter((candidate) => candidate.category !== 'SEXUAL_EXPLOITATION_AND_ABUSE'),
  restricted: true,
  missingChecks: [],
});

interface State {
  partner: typeof partner;
  dueDiligence: DueDiligence;
}

/**
 * The API as the signed-in user sees it; `answer` handles the POSTs (and may change the state the
 * next GETs answer with).
 */
const serve = (
  user: (typeof staff)[keyof typeof staff],
  initial: Partial<State> = {},
  answer: FetchHandler = () => undefined,
) => {
  const state: State = { partner, dueDiligence: dueDiligence(), ...initial };
  const fetchMock = mockFetch(
    signedInAs(user, (request) => {
      switch (`${request.method} ${request.url.pathname}`) {
        case `GET ${partnerUrl}`:
          return { body: state.partner };
        case `GET ${partnerUrl}/due-diligence`:
          return { body: user === vera ? forViewer(state.dueDiligence) : state.dueDiligence };
        case `GET ${partnerUrl}/history`:
          return { body: { items: [], nextCursor: null } };
        default:
          return request.method === 'POST' ? answer(request) : undefined;
      }
    }),
  );
  return { fetchMock, state };
};

const renderPage = (entry = page) => renderWithApp({ routes: appRoutes, initialEntries: [entry] });

const flagCard = (comment: string) => screen.getByText(comment).closest('li') as HTMLElement;
const openDialog = async (button: string, title: string) => {
  fireEvent.click(await screen.findByRole('button', { name: button }));
  return screen.findByRole('dialog', { name: title });
};
const choose = async (scope: HTMLElement, label: string, option: string) => {
  fireEvent.click(within(scope).getByRole('combobox', { name: label }));
  fireEvent.click(await within(scope).findByRole('option', { name: option }));
};

describe('partner page: due diligence and flags', { timeout: 15_000 }, () => {
  beforeAll(async () => {
    await Promise.all([import('./protected-layout'), import('./partner')]);
  }, 30_000);

  // The pages render a whole shell and load on demand: on a busy machine that takes more than a second.
  const { asyncUtilTimeout } = getConfig();
  beforeAll(() => configure({ asyncUtilTimeout: 5_000 }));
  afterAll(() => configure({ asyncUtilTimeout }));

  it('is a tab of its own, between the contacts and the history, kept in the URL', async () => {
    serve(olga);
    const { router } = renderPage(`/partners/${partner.id}`);
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Profile',
      'Contacts',
      'Due diligence and flags',
      'Agreements',
      'Reports',
      'Timeline',
      'History',
    ]);
    fireEvent.click(screen.getByRole('tab', { name: 'Due diligence and flags' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=due-diligence'));
    expect(await screen.findByRole('heading', { name: 'Flags' })).toBeTruthy();
    expect(screen.getByTestId('partner-status').textContent).toBe('Active');
  });

  it('shows a viewer what they may see, says what is withheld, and offers no action', async () => {
    serve(vera);
    renderPage();
    expect(await screen.findByTestId('due-diligence-restricted')).toBeTruthy();
    expect(screen.getByTestId('due-diligence-restricted').textContent).toContain(
      'only shown to these roles: Administrator, Partnership officer, Finance, and Auditor.',
    );
    expect(screen.queryByRole('heading', { name: 'Checks' })).toBeNull();
    expect(screen.getByText(red.comment)).toBeTruthy();
    expect(screen.queryByText(seah.comment)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record a check' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Raise a flag' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Resolve/ })).toBeNull();
  });

  it('lists the latest checks with their result, reviewer, expiry and evidence, and the mandatory ones missing', async () => {
    serve(aude);
    renderPage();
    const table = await screen.findByRole('table', { name: 'Latest check of each type' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first as HTMLElement).getByRole('rowheader').textContent).toBe(
      'Sanctions screeningMandatory',
    );
    expect(first?.textContent).toContain('Clear');
    expect(first?.textContent).toContain(formatDate(sanctions.checkedOn, 'en'));
    expect(first?.textContent).toContain('Expires in 12 days');
    await waitFor(() => expect(first?.textContent).toContain('Pablo Partnerships'));
    expect(
      within(first as HTMLElement)
        .getByRole('link', { name: sanctions.evidence })
        .getAttribute('href'),
    ).toBe(sanctions.evidence);
    expect(second?.textContent).toContain('Financial assessment');
    expect(second?.textContent).toContain('Match');
    expect(second?.textContent).toContain('Does not expire');
    expect(second?.textContent).toContain(financial.notes);

    expect(
      screen.getByText(
        'For a private-sector partner these checks are mandatory: Sanctions screening, PSEA/SEAH assessment, and Private-sector due diligence. When one expires, the partner is blocked for new agreements.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Mandatory checks never done')).toBeTruthy();
    expect(
      screen.getByText(
        /^This partner has never had: PSEA\/SEAH assessment and Private-sector due diligence\./,
      ),
    ).toBeTruthy();
    // An auditor reads everything, changes nothing.
    expect(screen.getByText(seah.comment)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record a check' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Resolve/ })).toBeNull();
  });

  it('lists open flags, most serious first, and the resolved ones on demand', async () => {
    serve(aude);
    renderPage();
    const open = await screen.findByRole('list', { name: 'Open flags' });
    const cards = within(open).getAllByTestId('flag');
    // Each card starts with the level and the category.
    expect(cards.map((card) => card.textContent)).toEqual([
      expect.stringMatching(/^RedSanctions match/),
      expect.stringMatching(/^EscalatedSexual exploitation and abuse/),
      expect.stringMatching(/^YellowReputational/),
    ]);
    await waitFor(() => expect(cards[0]?.textContent).toContain('Raised by Pablo Partnerships'));
    expect(screen.queryByText(closed.comment)).toBeNull();

    const toggle = screen.getByRole('button', { name: 'Show 1 resolved flag' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const resolved = screen.getByRole('list', { name: 'Resolved flags' });
    expect(resolved.textContent).toContain('Observation');
    expect(resolved.textContent).toContain('Resolution: Questionnaire received in full.');
    expect(resolved.textContent).toContain('Resolved by Ada Admin');
    expect(screen.getByRole('button', { name: 'Hide resolved flags' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
  });

  it('lets the responsible officer record checks, raise flags and resolve a yellow flag, not a red one', async () => {
    serve(olga);
    renderPage();
    expect(await screen.findByRole('button', { name: 'Record a check' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Raise a flag' })).toBeTruthy();
    expect(
      within(flagCard(yellow.comment)).getByRole('button', { name: 'Resolve flag: Yellow, Reputational' }),
    ).toBeTruthy();
    const redCard = flagCard(red.comment);
    expect(within(redCard).queryByRole('button', { name: /^Resolve/ })).toBeNull();
    expect(
      within(redCard).getByText('Only an administrator can resolve an escalated or red flag.'),
    ).toBeTruthy();
  });

  it('offers no action to an officer on a partner that is not theirs', async () => {
    // Pablo is an officer, but neither responsible for this partner nor one of its delegates.
    serve(pablo);
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Checks' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record a check' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Raise a flag' })).toBeNull();
    expect(screen.queryByText('Only an administrator can resolve an escalated or red flag.')).toBeNull();
  });

  it('lets an admin resolve a red flag, with a resolution', async () => {
    const { fetchMock, state } = serve(ada, {}, ({ url, body }) => {
      if (url.pathname !== `${partnerUrl}/flags/${red.id}/resolve`) return undefined;
      const resolution = (body as { resolution: string }).resolution;
      state.dueDiligence = dueDiligence({
        flags: [
          yellow,
          seah,
          { ...red, resolvedAt: '2026-03-01T10:00:00.000Z', resolvedBy: ada.id, resolution },
          closed,
        ],
      });
      return { body: state.dueDiligence };
    });
    renderPage();
    await screen.findByText(red.comment);
    fireEvent.click(
      within(flagCard(red.comment)).getByRole('button', { name: 'Resolve flag: Red, Sanctions match' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Resolve a flag' });
    expect(within(dialog).getByText(red.comment)).toBeTruthy();
    expect(
      within(dialog).getByText('Once resolved, this red flag no longer blocks new agreements.'),
    ).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Resolve flag' }));
    expect(errorOf(within(dialog).getByRole('textbox', { name: 'Resolution' }))).toContain(
      'This field is required.',
    );
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Resolution' }), {
      target: { value: ' Name removed from the list on appeal. ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Resolve flag' }));

    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST')).toEqual([
        { resolution: 'Name removed from the list on appeal.' },
      ]),
    );
    expect((await screen.findAllByText('Flag resolved.')).length).toBeGreaterThan(0);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Show 2 resolved flags' })).toBeTruthy();
  });

  it('says when someone else resolved the flag first, and shows how once the dialog is closed', async () => {
    const { state } = serve(olga, {}, ({ url }) => {
      if (url.pathname !== `${partnerUrl}/flags/${yellow.id}/resolve`) return undefined;
      // Pablo resolved it a moment ago.
      state.dueDiligence = dueDiligence({
        flags: [
          red,
          seah,
          {
            ...yellow,
            resolvedAt: '2026-03-01T10:00:00.000Z',
            resolvedBy: pablo.id,
            resolution: 'Dispute settled.',
          },
          closed,
        ],
      });
      return problemResponse(409, 'FLAG_ALREADY_RESOLVED', { correlationId: 'corr-409' });
    });
    renderPage();
    await screen.findByText(yellow.comment);
    fireEvent.click(
      within(flagCard(yellow.comment)).getByRole('button', { name: 'Resolve flag: Yellow, Reputational' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Resolve a flag' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Resolution' }), {
      target: { value: 'Settled with the union.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Resolve flag' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Someone else has already resolved this flag.');
    expect(alert.textContent).toContain('Reference: corr-409');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show 2 resolved flags' }));
    expect(screen.getByRole('list', { name: 'Resolved flags' }).textContent).toContain(
      'Resolution: Dispute settled.',
    );
  });

  it('records a check, validating as the user types and sending what the contract expects', async () => {
    const { fetchMock, state } = serve(olga, {}, ({ url, body }) => {
      if (url.pathname !== `${partnerUrl}/checks`) return undefined;
      const check = { ...sanctions, ...(body as object), id: id('21'), reviewerId: olga.id };
      state.dueDiligence = dueDiligence({
        checks: [sanctions, financial, check],
        missingChecks: ['PRIVATE_SECTOR'],
      });
      return { body: state.dueDiligence };
    });
    renderPage();
    const dialog = await openDialog('Record a check', 'Record a check for Acme Mining Ltd');
    expect(
      within(dialog)
        .getByLabelText(/^Checked on/)
        .getAttribute('value'),
    ).toBe(todayIsoDate());

    await choose(dialog, 'Check type', 'PSEA/SEAH assessment (mandatory)');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Clear' }));
    fireEvent.change(within(dialog).getByLabelText(/^Checked on/), { target: { value: day(-2) } });
    fireEvent.change(within(dialog).getByLabelText(/^Expires on/), { target: { value: day(-3) } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Evidence' }), {
      target: { value: 'PSEA capacity assessment, DMS ref. PSEA-77' },
    });
    // The dates are checked against each other once the rest is valid, without waiting for the submit.
    await waitFor(() =>
      expect(errorOf(within(dialog).getByLabelText(/^Expires on/))).toContain(
        'The expiry date must be after the check date.',
      ),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record check' }));
    expect(sentBodies(fetchMock, 'POST')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/^Expires on/), { target: { value: day(363) } });
    await waitFor(() => expect(errorOf(within(dialog).getByLabelText(/^Expires on/))).toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record check' }));

    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST')).toEqual([
        {
          type: 'SEAH_PSEA',
          result: 'CLEAR',
          checkedOn: day(-2),
          expiresOn: day(363),
          evidence: 'PSEA capacity assessment, DMS ref. PSEA-77',
          notes: null,
        },
      ]),
    );
    expect((await screen.findAllByText('Check recorded: PSEA/SEAH assessment.')).length).toBeGreaterThan(0);
    const table = screen.getByRole('table', { name: 'Latest check of each type' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(screen.getByText(/^This partner has never had: Private-sector due diligence\./)).toBeTruthy();
  });

  it('puts the field errors of a server 400 beside the fields and keeps the input', async () => {
    serve(olga, {}, ({ url }) =>
      url.pathname === `${partnerUrl}/checks`
        ? problemResponse(400, 'VALIDATION_FAILED', {
            correlationId: 'corr-check-400',
            errors: [{ field: 'checkedOn', rule: 'custom', message: 'must not be in the future' }],
          })
        : undefined,
    );
    renderPage();
    const dialog = await openDialog('Record a check', 'Record a check for Acme Mining Ltd');
    await choose(dialog, 'Check type', 'Reputational check');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Flagged' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Evidence' }), {
      target: { value: 'Media screening report' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record check' }));

    await waitFor(() =>
      expect(errorOf(within(dialog).getByLabelText(/^Checked on/))).toBe(
        'Checked on must not be in the future',
      ),
    );
    const alert = within(dialog).getByRole('alert');
    expect(alert.textContent).toContain('The check was not recorded');
    expect(alert.textContent).toContain('Reference: corr-check-400');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Evidence' }).value).toBe(
      'Media screening report',
    );
  });

  it('warns that a red flag blocks the partner, then shows why it is blocked once raised', async () => {
    const { fetchMock, state } = serve(
      olga,
      { dueDiligence: dueDiligence({ flags: [yellow] }) },
      ({ url, body }) => {
        if (url.pathname !== `${partnerUrl}/flags`) return undefined;
        const raised = { ...red, ...(body as object), id: id('31'), raisedBy: olga.id };
        state.dueDiligence = dueDiligence({
          flags: [raised, yellow],
          blockedForNewAgreements: true,
          reasons: [{ rule: 'RED_FLAG', flagId: raised.id }],
        });
        state.partner = { ...partner, status: 'BLOCKED', blockedForNewAgreements: true, version: 2 };
        return { body: state.dueDiligence };
      },
    );
    renderPage();
    expect(await screen.findByText(yellow.comment)).toBeTruthy();
    expect(screen.queryByTestId('blocked-alert')).toBeNull();

    const dialog = await openDialog('Raise a flag', 'Raise a flag on Acme Mining Ltd');
    expect(within(dialog).queryByText('This partner will be blocked for new agreements')).toBeNull();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Red' }));
    expect(within(dialog).getByText('This partner will be blocked for new agreements')).toBeTruthy();
    await choose(dialog, 'Category', 'Sanctions match');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'Director named on a national sanctions list.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Raise flag' }));

    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST')).toEqual([
        {
          level: 'RED',
          category: 'SANCTIONS_MATCH',
          comment: 'Director named on a national sanctions list.',
        },
      ]),
    );
    const alert = await screen.findByTestId('blocked-alert');
    expect(alert.textContent).toContain('Blocked for new agreements');
    expect(within(alert).getByTestId('blocking-reasons').textContent).toBe(
      'Red flag open — Sanctions match: “Director named on a national sanctions list.”',
    );
    expect(screen.getByTestId('partner-status').textContent).toBe('Blocked');
  });

  it('says since when an expired mandatory check blocks the partner, and leads to the tab', async () => {
    const expired = { ...sanctions, expiresOn: day(-5) };
    serve(olga, {
      partner: { ...partner, status: 'BLOCKED', blockedForNewAgreements: true },
      dueDiligence: dueDiligence({
        checks: [expired],
        blockedForNewAgreements: true,
        reasons: [{ rule: 'MANDATORY_CHECK_EXPIRED', checkType: 'SANCTIONS' }],
      }),
    });
    const { router } = renderPage(`/partners/${partner.id}`);
    const alert = await screen.findByTestId('blocked-alert');
    await waitFor(() =>
      expect(within(alert).getByTestId('blocking-reasons').textContent).toBe(
        `Mandatory check expired on ${formatDate(expired.expiresOn, 'en')}: Sanctions screening`,
      ),
    );
    fireEvent.click(within(alert).getByRole('button', { name: 'Review due diligence' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=due-diligence'));
    expect(await screen.findByText('Expired 5 days ago')).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Review due diligence' })).toBeNull();
  });

  it('tells a viewer the partner is blocked, not why, when the reason is withheld', async () => {
    serve(vera, {
      partner: { ...partner, status: 'BLOCKED', blockedForNewAgreements: true },
      dueDiligence: dueDiligence({
        flags: [seah],
        blockedForNewAgreements: true,
        reasons: [],
      }),
    });
    renderPage(`/partners/${partner.id}`);
    const alert = await screen.findByTestId('blocked-alert');
    await waitFor(() =>
      expect(alert.textContent).toContain(
        'The reasons are only shown to these roles: Administrator, Partnership officer, Finance, and Auditor.',
      ),
    );
  });
});
