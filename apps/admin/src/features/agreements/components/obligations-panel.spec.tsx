import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { agreementFixture, agreementId } from '../../../testing/agreement-fixtures';
import { mockFetch, renderWithApp, sentBodies, signedInAs, staff } from '../../../testing/test-utils';
import { ObligationsPanel } from './obligations-panel';

// Runs 2026-01-01 to 2027-12-31.
const agreement = agreementFixture({ status: 'SIGNED', signedOn: '2026-01-05', version: 6 });

const serve = () =>
  mockFetch(
    signedInAs(staff.olga, ({ url, method, body }) => {
      const path = `/api/v1/agreements/${agreementId}/obligations`;
      if (url.pathname !== path) return undefined;
      if (method === 'GET') return { body: { agreementId, version: 6, items: [] } };
      if (method === 'PUT') {
        const sent = body as { obligations: Record<string, unknown>[] };
        return {
          body: {
            agreementId,
            version: 7,
            items: sent.obligations.map((o, i) => ({
              ...o,
              id: `0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7a0${i}`,
            })),
          },
        };
      }
      return undefined;
    }),
  );

const choose = async (label: string | RegExp, option: string | RegExp) => {
  fireEvent.click(screen.getAllByLabelText(label)[0] as HTMLElement);
  fireEvent.click(await screen.findByRole('option', { name: option }));
};

describe('reporting obligations', { timeout: 20_000 }, () => {
  it('previews the calendar as the obligations are typed, then saves the whole list', async () => {
    const fetchMock = serve();
    renderWithApp({ routes: [{ path: '/', element: <ObligationsPanel agreement={agreement} mayChange /> }] });
    expect(await screen.findByText('No reporting obligation yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add an obligation' }));
    expect(screen.getByText('No report due yet: choose a type and a frequency.')).toBeTruthy();

    await choose(/Report type/, 'Narrative progress report');
    await choose(/Frequency/, 'Every 6 months');
    const preview = await screen.findByTestId('calendar-preview');
    const rows = () => within(screen.getByTestId('calendar-preview')).getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(4);
    expect(rows()[0]?.textContent).toContain('Jun 30, 2026');
    expect(preview).toBeTruthy();

    // 60 days after each period: every due date moves.
    fireEvent.change(screen.getByRole('textbox', { name: 'Days after the period ends' }), {
      target: { value: '60' },
    });
    await waitFor(() => expect(rows()[0]?.textContent).toContain('Aug 29, 2026'));
    expect(rows()[0]?.textContent).toContain('Jan 1, 2026 – Jun 30, 2026');
    expect(screen.getByText('4 reports due between the start and end dates, as typed:')).toBeTruthy();

    // A second obligation, once after the end: five reports in all, in date order.
    fireEvent.click(screen.getByRole('button', { name: 'Add an obligation' }));
    const second = within(screen.getAllByTestId('obligation-row')[1] as HTMLElement);
    fireEvent.click(second.getAllByLabelText(/Report type/)[0] as HTMLElement);
    fireEvent.click(await second.findByRole('option', { name: 'Final narrative report' }));
    fireEvent.click(second.getAllByLabelText(/Frequency/)[0] as HTMLElement);
    fireEvent.click(await second.findByRole('option', { name: 'Once, after the end' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(rows()[3]?.textContent).toContain('Dec 31, 2027Final narrative report');
    expect(rows()[4]?.textContent).toContain('Feb 29, 2028Narrative progress report');

    fireEvent.click(screen.getByRole('button', { name: 'Save obligations' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'PUT')).toHaveLength(1));
    expect(sentBodies(fetchMock, 'PUT')[0]).toEqual({
      version: 6,
      obligations: [
        {
          type: 'NARRATIVE_PROGRESS',
          frequency: 'SEMI_ANNUAL',
          daysAfterPeriodEnd: 60,
          customDates: [],
          notes: null,
        },
        { type: 'FINAL_NARRATIVE', frequency: 'FINAL', daysAfterPeriodEnd: 0, customDates: [], notes: null },
      ],
    });
  });

  it('asks for dates when the frequency is “on given dates”', async () => {
    const fetchMock = serve();
    renderWithApp({ routes: [{ path: '/', element: <ObligationsPanel agreement={agreement} mayChange /> }] });
    fireEvent.click(await screen.findByRole('button', { name: 'Add an obligation' }));
    await choose(/Report type/, 'Evaluation');
    await choose(/Frequency/, 'On given dates');
    expect(await screen.findByText('Give at least one due date for this frequency.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save obligations' }));
    expect(
      await screen.findByText('Some obligations are incomplete: correct the fields marked above.'),
    ).toBeTruthy();
    expect(sentBodies(fetchMock, 'PUT')).toHaveLength(0);
  });
});
