// A committee member's draft review saves itself as they type; text typed while the connection
// is down is kept in the browser and saved on the next visit; two tabs cannot overwrite each other.
import { run, expect, checkAccessibility } from './lib.mjs';

const [email, password, entry] = process.argv.slice(3);

async function statusSays(page, text) {
  const status = page.locator('[data-save-status]');
  try {
    await status.filter({ hasText: text }).waitFor({ timeout: 15000 });
  } catch (error) {
    throw new Error(`the save status never said “${text}”; it says “${await status.innerText()}”`);
  }
}

run('review_autosave', async (page, base) => {
  page.on('console', (message) => console.log(`console: ${message.text()}`));
  page.on('pageerror', (error) => console.log(`page error: ${error}`));
  await page.goto(`${base}/login?next=/review/entries/${entry}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/review/entries/${entry}`);
  await checkAccessibility(page, 'the review form');

  // Typing saves, without pressing a button.
  const comment = page.getByLabel('Comment').first();
  await comment.fill('Saved while I type');
  await statusSays(page, 'All changes saved.');
  await page.reload();
  expect(await comment.inputValue() === 'Saved while I type', 'the autosaved comment is on the server');

  // Offline: the text stays in this browser and reaches the server on the next visit.
  await page.context().setOffline(true);
  await comment.fill('Typed on a train');
  await statusSays(page, 'Not saved yet');
  await page.context().setOffline(false);
  await page.reload();
  await statusSays(page, 'All changes saved.');
  expect(await comment.inputValue() === 'Typed on a train', 'the offline text came back');
  const fresh = await page.context().newPage();
  await fresh.goto(`${base}/review/entries/${entry}`);
  expect(await fresh.getByLabel('Comment').first().inputValue() === 'Typed on a train', 'and it is on the server');

  // A second tab saves first: this tab is told, and chooses to keep its own text.
  await fresh.getByLabel('Comment').first().fill('From the second tab');
  await fresh.locator('[data-save-status]').filter({ hasText: 'All changes saved.' }).waitFor({ timeout: 15000 });
  await comment.fill('From the first tab');
  await statusSays(page, 'saved elsewhere');
  await page.getByRole('button', { name: 'Keep my text' }).click();
  await statusSays(page, 'All changes saved.');
  await fresh.reload();
  expect(await fresh.getByLabel('Comment').first().inputValue() === 'From the first tab', 'the kept text won, knowingly');
  await checkAccessibility(page, 'the review form after a conflict');
});
