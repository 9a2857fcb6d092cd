// The library in a real browser, in Chinese (issue 5): search for 中国 (China, matched through
// the countries' Chinese names), add two facets, open the map with the same filters, open a
// case, compare two cases chosen through the "add to comparison" links; axe on every page.
import { run, checkAccessibility, expect } from './lib.mjs';

/** The number in a count line such as "共 2071 个" or "共 2,071 个". */
function number(text) {
  const digits = text.replace(/[,\s\u00a0\u202f]/g, '').match(/\d+/);
  if (!digits) throw new Error(`no number in "${text}"`);
  return Number(digits[0]);
}

async function total(page) {
  return number(await page.locator('#results-count').innerText());
}

/** Waits until the count line no longer reads `before` (htmx swaps the page in place). */
async function totalChanged(page, before) {
  await page.waitForFunction((text) => document.querySelector('#results-count')?.textContent !== text, before);
  return total(page);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The facet group headed `title`, e.g. 奖项. */
function facet(page, title) {
  return page.locator('section.facet').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/** The counts of every value of a facet group, the folded ones included. */
async function facetCounts(page, title) {
  return (await facet(page, title).locator('.count').allTextContents()).map(number);
}

/** The comparison shows `titles` side by side, in this order, with their summaries. */
async function checkComparison(page, titles) {
  const columns = page.locator('table.compare thead th[scope="col"]');
  await columns.nth(titles.length - 1).waitFor();
  const shown = (await columns.locator('a:not(.small)').allInnerTexts()).map((t) => t.trim());
  expect(JSON.stringify(shown) === JSON.stringify(titles), `compared: ${shown.join(' | ')}, expected ${titles.join(' | ')}`);
  const summary = page.locator('table.compare tbody tr').filter({ has: page.getByRole('rowheader', { name: '摘要' }) });
  expect(await summary.locator('td').count() === titles.length, 'the summaries side by side');
}

const sum = (values) => values.reduce((a, b) => a + b, 0);

/**
 * Clicks the facet value `label` of group `title`; checks that the URL gains `param` and keeps
 * what it had, that the total becomes the value's count and that it is shown as an active filter.
 */
async function addFacet(page, title, label, param) {
  const before = new URL(page.url());
  const link = facet(page, title).getByRole('link', { name: new RegExp(`^${escape(label)}\\s+\\d+$`) });
  const count = number(await link.locator('.count').innerText());
  const countLine = await page.locator('#results-count').textContent();
  const totalBefore = number(countLine);
  await link.click();
  await page.waitForURL((url) => url.pathname === '/library' && url.searchParams.has(param));
  const totalAfter = await totalChanged(page, countLine);
  await page.locator('.active-filters a', { hasText: label }).waitFor();
  const after = new URL(page.url());
  for (const [name, value] of before.searchParams) {
    // The search form sends the default order too; links leave it out.
    if (name === 'sort' && value === 'relevance') continue;
    expect(after.searchParams.getAll(name).includes(value), `the URL keeps ${name}=${value} after adding ${param}`);
  }
  expect(totalAfter === count, `${label}: the total ${totalAfter} is the facet's count ${count}`);
  expect(totalAfter < totalBefore, `${label}: the total shrinks (${totalBefore} -> ${totalAfter})`);
  expect(await facet(page, title).locator('a[aria-current="true"]', { hasText: label }).count() === 1,
    `${label} is marked as chosen`);
  return totalAfter;
}

await run('library', async (page, base) => {
  await page.goto(`${base}/library`);
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文', exact: true }).click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  await page.locator('h1', { hasText: '案例库' }).waitFor();
  const everythingLine = await page.locator('#results-count').textContent();
  const everything = number(everythingLine);
  expect(everything > 2000, `the whole demo library is listed (${everything})`);

  // Search in Chinese: 中国 finds the Chinese entries through the country's Chinese name.
  await page.getByLabel('搜索案例库').fill('中国');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === '中国');
  const found = await totalChanged(page, everythingLine);
  await page.locator('.entry-card .entry-title', { hasText: '生态补偿机制' }).waitFor();
  expect(found > 0 && found < everything, `the search narrows the library (${everything} -> ${found})`);
  const cards = page.locator('.entry-card');
  expect(await cards.count() > 0 && await cards.count() <= found, 'the results are listed');
  expect((await cards.locator('.entry-meta').allInnerTexts()).every((meta) => meta.includes(' CN ')),
    'every result is in China');
  expect((await cards.locator('.entry-meta a').allInnerTexts()).includes('北京'), 'city names are shown in Chinese');
  expect(sum(await facetCounts(page, '年份')) === found, 'the year counts add up to the total');
  await checkAccessibility(page, 'library: search 中国');

  // Two facets: the demonstration award, then the year 2024.
  // Facets are disjunctive: a group's own choice does not narrow its counts, the others' do.
  const inAward = await addFacet(page, '奖项', '地方创新共享奖（演示）', 'award');
  expect(sum(await facetCounts(page, '奖项')) === found, 'the award counts still add up to the search total');
  expect(sum(await facetCounts(page, '年份')) === inAward, 'the year counts add up to the new total');
  const inYear = await addFacet(page, '年份', '2024', 'year');
  expect(sum(await facetCounts(page, '年份')) === inAward, 'the year counts still add up to the award total');
  const narrowed = await page.locator('section.facet').filter({ hasNot: page.locator('a[aria-current]') })
    .locator('.count').allTextContents();
  expect(narrowed.length > 0 && narrowed.map(number).every((n) => n >= 1 && n <= inYear),
    `the other groups count within the new total: ${narrowed.join(' ')}`);
  expect(inYear >= 2, `at least two cases to compare (${inYear})`);
  const results = new URL(page.url());
  expect(results.searchParams.get('q') === '中国' && results.searchParams.has('award') && results.searchParams.has('year'),
    `the URL carries the search and both facets: ${results.search}`);
  await checkAccessibility(page, 'library: search and two facets');

  // The map of the same results: one marker per city, its counts adding up to the total.
  await page.getByRole('navigation', { name: '结果显示方式' }).getByRole('link', { name: '地图', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/library/map');
  await page.locator('svg.world-map').waitFor();
  const mapUrl = new URL(page.url());
  for (const [name, value] of results.searchParams) {
    expect(mapUrl.searchParams.get(name) === value, `the map keeps ${name}=${value}`);
  }
  expect(await total(page) === inYear, 'the map shows the same total');
  const markers = page.locator('svg.world-map .markers a');
  const markerCount = await markers.count();
  expect(markerCount >= 1, 'the map has markers');
  expect(await page.locator('.map-cities li').count() === markerCount, 'one marker per city listed under the map');
  expect(sum(await page.locator('.map-cities .count').allTextContents().then((t) => t.map(number))) === inYear,
    'the cities on the map hold every result');
  expect((await markers.first().getAttribute('aria-label')).includes('北京'), 'markers are labelled in Chinese');
  await checkAccessibility(page, 'library: map');

  // Back to the list, open a case.
  await page.getByRole('navigation', { name: '结果显示方式' }).getByRole('link', { name: '列表', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/library');
  const first = page.locator('.entry-card', { hasText: '生态补偿机制' });
  const firstTitle = (await first.locator('.entry-title').innerText()).trim();
  const firstHref = await first.locator('.entry-title').getAttribute('href');
  const second = page.locator('.entry-card').filter({ hasNot: page.getByText('生态补偿机制') }).first();
  const secondTitle = (await second.locator('.entry-title').innerText()).trim();
  await first.locator('.entry-title').click();
  await page.waitForURL((url) => url.pathname === firstHref);
  await page.locator('article.case h1', { hasText: firstTitle }).waitFor();
  const headings = await page.locator('article.case .case-section h2').allInnerTexts();
  expect(headings.includes('摘要') && headings.includes('实施过程'), `the case's sections: ${headings.join(', ')}`);
  expect(await page.getByRole('heading', { name: '参评记录' }).count() === 1, 'the editions it entered');
  expect(await page.getByRole('heading', { name: '相关案例' }).count() === 1, 'related cases');
  await checkAccessibility(page, 'case page');

  // Compare: add this case from its page; go back to the results with the Back button (the
  // page shown again was rendered before the addition) and add the second case from there.
  await page.locator('.case-header').getByRole('link', { name: '加入比较' }).click();
  await page.waitForURL((url) => url.pathname === '/library/compare' && url.searchParams.getAll('id').length === 1);
  await page.locator('table.compare thead th[scope="col"]', { hasText: firstTitle }).waitFor();
  await page.goBack();
  await page.waitForURL((url) => url.pathname === firstHref);
  await page.goBack();
  await page.waitForURL((url) => url.pathname === '/library' && url.search === results.search);
  await second.getByRole('link', { name: /^加入比较/ }).click();
  await page.waitForURL((url) => url.pathname === '/library/compare' && url.searchParams.getAll('id').length === 2);
  await checkComparison(page, [firstTitle, secondTitle]);
  await checkAccessibility(page, 'compare');
  await page.goto(results.href);
  expect((await first.locator('.compare-link').innerText()).startsWith('已在比较中（已选 2 个）'),
    'the results know the case is in the comparison');

  // The same without JavaScript: plain links add and remove.
  const plain = await page.context().browser().newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
  try {
    const noScript = await plain.newPage();
    await noScript.goto(results.href);
    const card = (title) => noScript.locator('.entry-card').filter({ has: noScript.getByRole('link', { name: title, exact: true }) });
    await card(firstTitle).getByRole('link', { name: /^加入比较/ }).click();
    await noScript.waitForURL((url) => url.pathname === '/library/compare' && url.searchParams.getAll('id').length === 1);
    await noScript.goBack();
    await noScript.waitForURL((url) => url.pathname === '/library');
    await card(secondTitle).getByRole('link', { name: /^加入比较/ }).click();
    await noScript.waitForURL((url) => url.pathname === '/library/compare' && url.searchParams.getAll('id').length === 2);
    await checkComparison(noScript, [firstTitle, secondTitle]);
    await noScript.getByRole('columnheader', { name: firstTitle }).getByRole('link', { name: /^从比较中移除/ }).click();
    await noScript.waitForURL((url) => url.pathname === '/library/compare' && url.searchParams.getAll('id').length === 1);
    await checkComparison(noScript, [secondTitle]);
  } finally {
    await plain.close();
  }
});
