// A whole application in a real browser: a new applicant registers and confirms the address
// through the mailed link (read in the Secretariat's outbox), claims a government that the
// Secretariat approves, fills part of the form, reloads, goes on in a second tab, attaches a
// PDF and submits. The Rust side then checks that the receipt reached the SMTP server.
import { launch, checkAccessibility, expect } from './lib.mjs';

const [base, email] = process.argv.slice(2);
const password = 'a long enough password';

async function signIn(page, who, secret, next) {
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(who);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

async function saved(page) {
  await page.locator('[data-save-status]', { hasText: 'All changes saved.' }).waitFor({ timeout: 10000 });
}

async function step(page, name, path) {
  await page.getByRole('navigation', { name: 'Steps of the application' }).getByRole('link', { name }).click();
  await page.waitForURL((url) => url.pathname.endsWith(path));
}

const { browser, page } = await launch();
// The Secretariat works in its own browser profile.
const desk = await (await browser.newContext({ locale: 'en-GB' })).newPage();
try {
  // Register, then confirm through the link the Secretariat finds in the outbox.
  await page.goto(`${base}/register`);
  await page.getByLabel('Your name').fill('Ana Pérez');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password again').fill(password);
  await page.getByRole('button', { name: 'Create the account' }).click();
  await page.locator('h1', { hasText: 'Check your e-mail' }).waitFor();
  await signIn(desk, 'secretariat@demo.kapok.example', 'kapok-demo', '/secretariat/outbox');
  const mail = desk.locator('details.mail', { hasText: email }).first();
  await mail.locator('summary').click();
  const link = (await mail.locator('pre').innerText()).match(/http:\/\/\S+\/verify\?token=\S+/)[0];
  await page.goto(link);
  expect((await page.locator('h1').innerText()) === 'Address confirmed', 'the link confirms the address');
  await signIn(page, email, password, '/account');

  // Claim Bogotá; the Secretariat approves.
  await page.goto(`${base}/account/governments?q=Bogot%C3%A1`);
  await page.locator('li', { hasText: 'Bogotá' }).first().getByRole('button', { name: 'I represent this government' }).click();
  await page.waitForURL(/\/account\/governments/);
  await desk.goto(`${base}/secretariat/claims`);
  await desk.locator('section', { hasText: email }).getByRole('button', { name: 'Approve', exact: true }).click();
  await desk.waitForURL(/\/secretariat\/claims/);

  // Start an application for the open call; fill the basic information.
  await page.goto(`${base}/applications`);
  await page.locator('li', { hasText: 'Browser Award' }).getByRole('button', { name: 'Start an application' }).click();
  await page.waitForURL(/\/applications\/\d+\/basic$/);
  const url = page.url();
  await page.getByLabel('Title (in English)').fill('Care Blocks');
  await page.getByRole('checkbox', { name: /Bogotá/ }).check();
  await page.getByLabel('Level of government').selectOption('municipal');
  await page.getByLabel('Started in').fill('2021');
  await page.getByLabel('Contact person', { exact: true }).fill('Ana Pérez');
  await page.getByLabel('Their e-mail').fill('ana@bogota.example');
  await saved(page);
  await page.reload();
  expect(await page.getByLabel('Title (in English)').inputValue() === 'Care Blocks', 'the title survived a reload');
  expect(await page.getByRole('checkbox', { name: /Bogotá/ }).isChecked(), 'the government survived a reload');

  // Go on in a second tab: the texts.
  const second = await page.context().newPage();
  await second.goto(url.replace(/\/basic$/, '/texts'));
  await second.getByLabel('Summary (in English)').fill('Care services near home for women who care for others.');
  await saved(second);
  await second.close();

  // Back in the first tab: themes, eligibility.
  await step(page, 'Themes and details', '/details');
  await page.getByRole('checkbox', { name: 'Public services' }).check();
  await saved(page);
  await step(page, 'Eligibility', '/eligibility');
  await page.getByRole('radio', { name: 'Yes' }).check();
  await saved(page);

  // Attach a PDF.
  await step(page, 'Attachments', '/attachments');
  await checkAccessibility(page, 'application: attachments');
  await page.getByLabel('File').setInputFiles({
    name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% a plan of the care blocks\n'),
  });
  await page.getByRole('button', { name: 'Attach the file' }).click();
  await page.getByRole('link', { name: 'plan.pdf' }).waitFor();

  // The check sees what the second tab wrote; submit.
  await step(page, 'Check', '/review');
  await page.getByText('Everything required is filled in.').waitFor();
  await page.getByRole('checkbox', { name: /I confirm that this application is complete/ }).check();
  await page.getByRole('button', { name: 'Submit the application' }).click();
  await page.getByText('Version 1 is submitted.').waitFor();
  await checkAccessibility(page, 'application: submitted');
  await page.getByRole('link', { name: /Version 1, submitted/ }).click();
  await page.getByRole('link', { name: 'plan.pdf' }).waitFor();
  console.log('whole application: passed');
} catch (error) {
  console.error(`whole application: FAILED at ${page.url()}\n${error.stack || error}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
