import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite, navigate, registerFoundation, signIn } from '../support/admin-pages';
import { launchBrowser } from '../support/browser';
import { ADMIN, root, startSystemUnderTest, type SystemUnderTest } from '../support/system-under-test';

const screenshots = join(root, 'tmp/e2e');
const OFFICER = {
  name: 'Olivia Officer',
  email: 'olivia.officer@ilo.org',
  password: 'olivia’s first password',
};
const AUDITOR = {
  name: 'Arturo Auditor',
  email: 'arturo.auditor@ilo.org',
  password: 'arturo’s first password',
};

describe('who may change what, and who can see that it happened', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  const violations: string[] = [];

  // Each person in their own browser context (own cookies), all under the gateway's CSP.
  const openAs = (who: { email: string; password: string }): Promise<Page> =>
    signIn(browser, sut.system.baseUrl, who, violations, { width: 1280, height: 800 });

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [sut, browser] = await Promise.all([startSystemUnderTest('embedded'), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.stop();
  });

  it('an admin invites an officer, who sees only their own edit buttons; an auditor reads the history of the change', async () => {
    // The admin invites an officer and an auditor, and registers a partner nobody is assigned to.
    const admin = await openAs(ADMIN);
    await navigate(admin, 'Administration');
    await admin.getByRole('heading', { name: 'Users' }).waitFor();
    await invite(admin, OFFICER, 'Partnership officer');
    await invite(admin, AUDITOR, 'Auditor');
    await navigate(admin, 'Partners');
    await registerFoundation(admin, 'Fondation Botnar');

    // The officer registers a partner (becoming its responsible officer): an edit button there only.
    const officer = await openAs(OFFICER);
    await registerFoundation(officer, 'Wellcome Trust');
    await officer.getByRole('button', { name: 'Edit Wellcome Trust' }).waitFor();
    expect(await officer.getByRole('button', { name: 'Edit Fondation Botnar' }).count()).toBe(0);
    await officer.screenshot({ path: join(screenshots, 'officer-partners.png') });

    // On the partner page: edit it.
    await officer.getByRole('link', { name: 'Wellcome Trust' }).click();
    await officer.getByRole('heading', { name: 'Wellcome Trust' }).waitFor();
    await officer.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = officer.getByRole('dialog', { name: 'Edit Wellcome Trust' });
    await edit.getByLabel('Acronym').fill('WT');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    const partnerUrl = officer.url();

    // …and on someone else's partner there is nothing to edit.
    await navigate(officer, 'Partners');
    await officer.getByRole('link', { name: 'Fondation Botnar' }).click();
    await officer.getByRole('heading', { name: 'Fondation Botnar' }).waitFor();
    expect(await officer.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);

    // The auditor reads who changed what on the officer's partner.
    const auditor = await openAs(AUDITOR);
    expect(await auditor.getByRole('button', { name: 'New partner' }).count()).toBe(0);
    await auditor.goto(partnerUrl);
    await auditor.getByRole('tab', { name: 'History' }).click();
    const history = auditor.getByRole('list', { name: 'History of this record, newest first' });
    await history.getByText('Profile updated').waitFor();
    const latest = history.getByRole('listitem').first();
    expect(await latest.textContent()).toContain('Olivia Officer');
    expect(await latest.textContent()).toMatch(/Acronym.*WT/);
    await auditor.screenshot({ path: join(screenshots, 'auditor-history.png') });

    // And finds the officer's sign-in and changes in the whole trail, by user.
    await navigate(auditor, 'Administration');
    await auditor.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await auditor.getByRole('table').getByText('Profile updated').first().waitFor();
    await auditor.screenshot({ path: join(screenshots, 'auditor-trail.png') });

    expect(violations).toEqual([]);
  });
});
