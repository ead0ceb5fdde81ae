import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { ADMIN, root, startSystemUnderTest, type SystemUnderTest } from '../support/system-under-test';

const screenshots = join(root, 'tmp/e2e');

const header = 'Name,Acronym,IATI organisation type,ILO category,Country';
// Rows 2 to 6 of the sheet (the header is row 1): row 4 names no country, row 5 has no name.
const withErrors = [
  header,
  'Fondation Lumière,FLU,60,Foundation,FR',
  'Ubuntu Health Trust,UHT,60,Foundation,ZA',
  'Nordic Skills Fund,NSF,60,Foundation,XX',
  ',KTR,70,Private sector,KE',
  'Andes Labour Partners,ALP,70,Private sector,PE',
].join('\n');
const fixed = withErrors
  .replace('Foundation,XX', 'Foundation,NO')
  .replace(',KTR,', 'Kilimanjaro Traders,KTR,');

describe('an admin imports partners from a spreadsheet', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let page: Page;
  let files: string;

  const csvFile = (name: string, content: string): string => {
    const path = join(files, name);
    writeFileSync(path, `${content}\n`, 'utf8');
    return path;
  };
  const choose = (path: string) => page.locator('input[type="file"]').setInputFiles(path);

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    files = mkdtempSync(join(tmpdir(), 'pardev-import-'));
    [sut, browser] = await Promise.all([startSystemUnderTest('embedded'), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('sees the bad rows in the dry run, uploads a fixed file, applies it and finds the partners in the list', async () => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));

    await page.goto(sut.system.baseUrl);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Partners' }).waitFor();

    await page.getByRole('link', { name: 'Import partners' }).click();
    await page.getByRole('heading', { name: 'Import partners', level: 1 }).waitFor();

    // The dry run: two rows in error, each named by its row and field; nothing written yet.
    await choose(csvFile('partners.csv', withErrors));
    await page.getByText('2 rows have errors and will be left out').waitFor();
    const errors = page.getByTestId('import-row-errors');
    await page.getByText(/^Row 4 · Country: /).waitFor();
    await page.getByText(/^Row 5 · Name: /).waitFor();
    expect(await errors.count()).toBe(2);
    expect(await page.getByTestId('import-count-create').textContent()).toBe('To create3');
    await page.getByRole('button', { name: 'Import 3 partners' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'partner-import-dry-run.png'), fullPage: true });

    // The person fixes the file and chooses it again.
    await page.getByRole('button', { name: 'Choose another file' }).first().click();
    await choose(csvFile('partners-fixed.csv', fixed));
    await page.getByTestId('import-count-create').getByText('5').waitFor();
    expect(await page.getByTestId('import-left-out').count()).toBe(0);

    // Applying shows a progress bar until the rows are written, then the result.
    const sawProgress = page
      .getByRole('progressbar', { name: 'Rows written' })
      .waitFor({ timeout: 15_000 })
      .then(
        () => true,
        () => false,
      );
    await page.getByRole('button', { name: 'Import 5 partners' }).click();
    expect(await sawProgress).toBe(true);
    await page.getByText('Import finished').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-count-created').textContent()).toBe('Created5');
    expect(await page.getByTestId('import-count-failed').textContent()).toBe('Failed0');
    await page.screenshot({ path: join(screenshots, 'partner-import-done.png'), fullPage: true });

    // The imported partners are in the list.
    await page.getByRole('link', { name: 'Back to partners' }).click();
    await page.getByRole('heading', { name: 'Partners', level: 1 }).waitFor();
    for (const name of [
      'Fondation Lumière',
      'Ubuntu Health Trust',
      'Nordic Skills Fund',
      'Kilimanjaro Traders',
      'Andes Labour Partners',
    ]) {
      await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    }
    expect(await page.getByRole('row', { name: /Nordic Skills Fund/ }).textContent()).toContain('Norway');
    expect(await page.getByTestId('partners-total').textContent()).toBe('5 partners');
    expect(violations).toEqual([]);
  });
});
