// The foundation in a real browser: open the demo home page, switch language, open an
// initiative; axe on every page visited.
import { run, checkAccessibility, expect } from './lib.mjs';

await run('foundation', async (page, base) => {
  await page.goto(`${base}/`);
  expect(await page.locator('h1').innerText() === 'Learn from what cities did', 'English home page');
  expect((await page.locator('html').getAttribute('lang')) === 'en', 'html lang is en');
  await checkAccessibility(page, 'home (en)');

  // Switch to Chinese with the header's language switcher; the choice sticks.
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文', exact: true }).click();
  await page.waitForLoadState('load');
  expect((await page.locator('html').getAttribute('lang')) === 'zh-Hans', 'html lang is zh-Hans after switching');
  expect(await page.locator('h1').innerText() === '借鉴城市的实践', 'Chinese home page');
  await checkAccessibility(page, 'home (zh)');

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '案例库', exact: true }).click();
  await page.waitForURL(/\/library/);
  expect((await page.locator('h1').innerText()) === '案例库', 'library in Chinese');
  await checkAccessibility(page, 'library (zh)');

  // Open an initiative from the list.
  const first = page.locator('.entry-card .entry-title').first();
  const href = await first.getAttribute('href');
  await first.click();
  await page.waitForURL((url) => url.pathname === href);
  expect(await page.locator('article.case h1').count() === 1, 'the case page has its title');
  expect(await page.getByRole('heading', { name: '参评记录' }).count() === 1, 'the case page is in Chinese');
  await checkAccessibility(page, 'initiative (zh)');

  // An edition with its timeline and results, back in English.
  await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForLoadState('load');
  await page.goto(`${base}/awards`);
  await page.getByRole('link', { name: 'Guangzhou International Award for Urban Innovation', exact: true }).click();
  await page.getByRole('link', { name: /^2018/ }).click();
  await page.waitForURL(/\/editions\//);
  expect((await page.content()).includes('1,504,535 votes'), 'the real 2018 public-vote result');
  await checkAccessibility(page, 'edition 2018 (en)');

  // A page that does not exist, in the remembered language.
  const response = await page.goto(`${base}/initiatives/99999999`);
  expect(response.status() === 404, '404 for an unknown initiative');
  expect(await page.locator('h1').innerText() === 'Page not found', 'the 404 page is in English');

  // A demo account signs in from the header and out again.
  await page.goto(`${base}/library`);
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(/\/login/);
  await checkAccessibility(page, 'sign-in form (en)');
  await page.getByLabel('E-mail').fill('secretariat@demo.kapok.example');
  await page.getByLabel('Password').fill('kapok-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/library/);
  expect(await page.getByRole('link', { name: 'Secretariat (demo)' }).count() === 1, 'signed in, back on the library');
  await page.goto(`${base}/account`);
  expect((await page.content()).includes('Secretariat'), 'the account page lists the role');
  await checkAccessibility(page, 'account (en)');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  expect(await page.getByRole('link', { name: 'Sign in' }).count() === 1, 'signed out');
});
