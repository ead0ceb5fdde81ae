import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { agreementFixture, agreementId } from '../../../testing/agreement-fixtures';
import {
  mockFetch,
  problemResponse,
  renderWithApp,
  sentBodies,
  signedInAs,
  staff,
  type MockResponse,
} from '../../../testing/test-utils';
import { AmendmentsPanel } from './amendments-panel';

const signed = agreementFixture({ status: 'SIGNED', signedOn: '2026-01-05', version: 6 });
const terms = {
  title: signed.title,
  description: null,
  totalMinor: signed.totalMinor,
  pscRatePercent: 13,
  startOn: signed.startOn,
  endOn: signed.endOn,
  allocations: signed.allocations,
};

const serve = (propose: (body: unknown) => MockResponse) =>
  mockFetch(
    signedInAs(staff.olga, ({ url, method, body }) => {
      const base = `/api/v1/agreements/${agreementId}`;
      if (method === 'GET' && url.pathname === `${base}/amendments`) return { body: { items: [] } };
      if (method === 'GET' && url.pathname === `${base}/versions`)
        return {
          body: {
            items: [
              {
                number: 0,
                amendmentId: null,
                amendmentType: null,
                createdAt: '2026-01-05T10:00:00.000Z',
                terms,
              },
            ],
          },
        };
      if (method === 'POST' && url.pathname === `${base}/amendments`) return propose(body);
      return undefined;
    }),
  );

const choose = async (label: string | RegExp, option: string | RegExp) => {
  fireEvent.click(screen.getAllByLabelText(label)[0] as HTMLElement);
  fireEvent.click(await screen.findByRole('option', { name: option }));
};

describe('proposing an amendment', { timeout: 20_000 }, () => {
  it('explains, as the terms are typed, why the changes do not fit the type, then sends only what changes', async () => {
    const fetchMock = serve(() => ({
      status: 201,
      body: {
        id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7f01',
        agreementId,
        sequence: 1,
        type: 'NO_COST_EXTENSION',
        reason: 'Delays in the rainy season',
        changes: [{ field: 'endOn', before: '2027-12-31', after: '2028-06-30' }],
        status: 'PROPOSED',
        signedOn: null,
        decisionReason: null,
        makesVersion: null,
        proposedAt: '2026-03-01T10:00:00.000Z',
        decidedAt: null,
      },
    }));
    renderWithApp({
      routes: [{ path: '/', element: <AmendmentsPanel agreement={signed} mayChange /> }],
    });
    expect(await screen.findByText('No amendment yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Propose an amendment' }));
    const dialog = await screen.findByRole('dialog');
    await choose(/Amendment type/, 'No-cost extension');
    expect(within(dialog).getByText('Moves the end date later; the total stays as it is.')).toBeTruthy();

    // More money and no new end date: refused on both counts, naming the rule.
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Total amount \(EUR\)/ }), {
      target: { value: '1100000' },
    });
    const problems = await within(dialog).findByTestId('amendment-problems');
    expect(within(problems).getByText('These changes do not fit “No-cost extension”')).toBeTruthy();
    expect(within(problems).getByText('A no-cost extension leaves the total as it is.')).toBeTruthy();
    expect(within(problems).getByText('A no-cost extension moves the end date later.')).toBeTruthy();

    // A budget change of 10 % fits the other type: the same terms, another verdict.
    await choose(/Amendment type/, 'Budget change over 20 %');
    expect(
      await within(dialog).findByText(/A budget change over 20 % must change the total by more than 20 %/),
    ).toBeTruthy();

    await choose(/Amendment type/, 'No-cost extension');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Total amount \(EUR\)/ }), {
      target: { value: '1000000.00' },
    });
    fireEvent.change(within(dialog).getByLabelText('End date'), { target: { value: '2028-06-30' } });
    await waitFor(() => expect(within(dialog).queryByTestId('amendment-problems')).toBeNull());
    expect(within(dialog).getByTestId('proposal-changes').textContent).toBe(
      'End date: Dec 31, 2027 → Jun 30, 2028',
    );

    fireEvent.click(within(dialog).getByRole('button', { name: 'Propose an amendment' }));
    expect(await within(dialog).findByText('This field is required.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Reason/ }), {
      target: { value: 'Delays in the rainy season' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Propose an amendment' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST')).toHaveLength(1));
    expect(sentBodies(fetchMock, 'POST')[0]).toEqual({
      type: 'NO_COST_EXTENSION',
      reason: 'Delays in the rainy season',
      changes: { endOn: '2028-06-30' },
    });
  });

  it('says why the server refused it, in the reader’s language', async () => {
    serve(() =>
      problemResponse(409, 'TRANSITION_REFUSED', {
        errors: [
          { field: 'status', rule: 'one_at_a_time', message: 'amendment 1 is still awaiting a decision' },
        ],
      }),
    );
    renderWithApp({
      routes: [{ path: '/', element: <AmendmentsPanel agreement={signed} mayChange /> }],
      language: 'fr',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Proposer un avenant' }));
    const dialog = await screen.findByRole('dialog');
    await choose(/Type d’avenant/, 'Correction administrative');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Titre/ }), {
      target: { value: 'Travail décent dans l’agriculture kényane' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Motif/ }), {
      target: { value: 'Faute de frappe' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Proposer un avenant' }));
    expect(
      await within(dialog).findByText(
        'Un avenant attend une décision : approuvez-le ou rejetez-le avant d’en proposer un autre.',
      ),
    ).toBeTruthy();
  });
});
