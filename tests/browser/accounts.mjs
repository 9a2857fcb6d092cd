// Registration in a real browser, on the demo (which has no mail server): a new applicant
// registers; the Secretariat reads the confirmation mail in the outbox; the link confirms the
// address; the applicant signs in. axe on every form.
import { run, checkAccessibility, expect } from './lib.mjs';

await run('accounts', async (page, base) => {
  const email = `applicant-${Date.now()}@city.example`;
  await page.goto(`${base}/login`);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.waitForURL(/\/register/);
  await checkAccessibility(page, 'registration form');

  // A first try with problems: every problem is listed, linked to its field.
  await page.getByLabel('Your name').fill('Ana Pérez');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Password again').fill('short');
  await page.getByRole('button', { name: 'Create the account' }).click();
  await page.waitForLoadState('load');
  expect((await page.getByRole('alert').innerText()).includes('at least 10 characters'), 'the short password is named');
  await checkAccessibility(page, 'registration form with errors');

  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Password again').fill('a long enough password');
  await page.getByRole('button', { name: 'Create the account' }).click();
  await page.waitForLoadState('load');
  expect((await page.locator('h1').innerText()) === 'Check your e-mail', 'asked to check the mail');

  // The Secretariat reads the outbox of the demo.
  await page.goto(`${base}/login?next=/secretariat/outbox`);
  await page.getByLabel('E-mail').fill('secretariat@demo.kapok.example');
  await page.getByLabel('Password').fill('kapok-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/secretariat\/outbox/);
  await checkAccessibility(page, 'outbox');
  const mail = page.locator('details.mail', { hasText: email }).first();
  await mail.locator('summary').click();
  const body = await mail.locator('pre').innerText();
  const link = body.match(/http:\/\/\S+\/verify\?token=\S+/)[0];
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');

  await page.goto(link);
  expect((await page.locator('h1').innerText()) === 'Address confirmed', 'the link confirms the address');
  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  expect(await page.getByRole('link', { name: 'Ana Pérez' }).count() === 1, 'signed in as the new applicant');
});
