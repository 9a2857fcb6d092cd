// The application form in a real browser, on the demo: fields save themselves as they are
// typed, survive a reload, and a stale second tab is shown both versions instead of
// overwriting newer text. axe on every step.
import { run, checkAccessibility, expect } from './lib.mjs';

async function signIn(page, base) {
  await page.goto(`${base}/login?next=/applications`);
  await page.getByLabel('E-mail').fill('applicant@demo.kapok.example');
  await page.getByLabel('Password').fill('kapok-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/applications$/);
}

async function saved(page) {
  await page.locator('[data-save-status]', { hasText: 'All changes saved.' }).waitFor({ timeout: 10000 });
}

await run('applications', async (page, base) => {
  await signIn(page, base);
  await checkAccessibility(page, 'applications');
  await page.locator('li', { hasText: 'Browser Award' }).getByRole('button', { name: 'Start an application' }).click();
  await page.waitForURL(/\/applications\/\d+\/basic$/);
  const url = page.url();
  await checkAccessibility(page, 'application: basic information');

  // Typing saves on its own; a reload shows what was typed.
  await page.getByLabel('Title (in English)').fill('Care Blocks');
  await saved(page);
  await page.reload();
  expect(await page.getByLabel('Title (in English)').inputValue() === 'Care Blocks', 'the title survived a reload');

  // A second tab changes the title; the first, stale, tab is told instead of overwriting it.
  const other = await page.context().newPage();
  await other.goto(url);
  await other.getByLabel('Title (in English)').fill('Care Blocks for Women');
  await saved(other);
  await page.getByLabel('Title (in English)').fill('Care Blocks (stale tab)');
  const conflict = page.locator('.conflict[data-live]');
  await conflict.waitFor({ timeout: 10000 });
  expect((await conflict.locator('blockquote').innerText()) === 'Care Blocks for Women', 'the newer text is shown');
  await checkAccessibility(page, 'application: conflict');
  await conflict.getByRole('button', { name: 'Keep my text' }).click();
  await saved(page);
  await other.reload();
  const shown = await other.getByLabel('Title (in English)').inputValue();
  const server = await (await other.request.get(url.replace(/\/basic$/, '/fields'))).json();
  expect(shown === 'Care Blocks (stale tab)', `the kept text is saved (shown ${shown}, server ${JSON.stringify(server.fields['title.en'])})`);
  await other.close();

  // Word budgets count as one types.
  await page.getByRole('navigation', { name: 'Steps of the application' }).getByRole('link', { name: 'The initiative' }).click();
  await page.waitForURL(/\/texts$/);
  await page.getByLabel('Summary (in English)').fill('Care services near home for women who care for others.');
  expect((await page.locator('[data-words-of="summary.en"]').innerText()).startsWith('10 '), 'the summary counts 10 words');
  await saved(page);
  await checkAccessibility(page, 'application: texts');

  await page.getByRole('navigation', { name: 'Steps of the application' }).getByRole('link', { name: 'Check' }).click();
  await page.waitForURL(/\/review$/);
  expect((await page.getByRole('alert').innerText()).includes('Applying governments: required'), 'the check lists what is missing');
  await checkAccessibility(page, 'application: check');
});
