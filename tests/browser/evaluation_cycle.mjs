// A short evaluation cycle in a real browser, from screening to published results. Each person
// works in their own browser profile and signs in through /login: the Secretariat screens the
// five submitted entries (four valid, one not valid with a reason), puts three experts and three
// jurors on the committees, proposes and deploys an assignment; each expert reviews the entries
// assigned to them; the Secretariat freezes the scores and runs the votes on the long list and
// the shortlist, which the experts approve; the jurors rank the shortlist; the Secretariat closes
// the Jury's vote and publishes; the public sees the winner. axe checks each role's main pages.
//
// Arguments: BASE_URL and a JSON object (engine, edition, password, desk, experts, jurors, titles), made
// by tests/integration/browser.rs.
import { launch, checkAccessibility, expect } from './lib.mjs';

const [base, json] = process.argv.slice(2);
const { engine, edition, password, desk: deskEmail, experts, jurors, titles } = JSON.parse(json);
const secretariat = (path) => `/secretariat/editions/${edition}${path}`;

// The scores (Innovation, Impact) every expert gives each entry, and the approvals they give
// on each list. Élise (Lyon) never sees Lyon; Min-jun (Korea) never sees Gwangju.
const scores = { barcelona: [9, 9], bogota: [8, 9], lyon: [7, 6], gwangju: [5, 4] };
const approvals = {
  'Long list': { wei: ['barcelona', 'bogota', 'lyon'], minjun: ['barcelona', 'bogota', 'lyon'], elise: ['barcelona', 'bogota', 'gwangju'] },
  Shortlist: { wei: ['barcelona', 'bogota'], minjun: ['barcelona', 'bogota'], elise: ['barcelona', 'bogota'] },
};
// Two jurors put Barcelona first, one Bogotá: Barcelona wins, Bogotá gets a Medal of Honour.
const rankings = [['barcelona', 'bogota'], ['barcelona', 'bogota'], ['bogota', 'barcelona']];
const keyOf = Object.fromEntries(Object.entries(titles).map(([key, title]) => [title, key]));
const nick = (email) => email.split('@')[0];

const { browser, page: visitor } = await launch();
let current = visitor;

/** Clicks a form's button and waits for the page the server answers with (after its redirect);
 * a refusal fails with the server's message. */
async function submit(page, button) {
  current = page;
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  if (!response || response.status() >= 400) {
    const message = await page.locator('main').innerText().catch(() => '');
    throw new Error(`the server answered ${response?.status()} at ${page.url()}: ${message}`);
  }
}

/** Follows a link (htmx swaps the page in) and waits for the page's heading; an error page,
 * which htmx would leave unswapped, fails with its status. */
async function follow(page, link, heading) {
  current = page;
  const target = new URL(await link.getAttribute('href'), page.url()).href;
  const [response] = await Promise.all([page.waitForResponse((r) => r.url() === target), link.click()]);
  expect(response.status() < 400, `GET ${target} answered ${response.status()}`);
  await page.locator('h1', { hasText: heading }).waitFor();
}

async function open(page, path, heading) {
  current = page;
  const response = await page.goto(`${base}${path}`);
  expect(response.ok(), `GET ${path} answered ${response.status()}`);
  await page.locator('h1', { hasText: heading }).waitFor();
}

/** A new browser profile for `email`, signed in through the real form, on `next`. */
async function signedIn(email, next) {
  const context = await browser.newContext({ bypassCSP: true, locale: 'en-GB' });
  const page = await context.newPage();
  current = page;
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await submit(page, page.getByRole('button', { name: 'Sign in' }));
  expect(new URL(page.url()).pathname === next, `${email} lands on ${next}, not ${page.url()}`);
  return page;
}

/** Runs each person's part at the same time, as people do; a failure names the person. */
async function together(people, work) {
  await Promise.all(people.map(async (person, i) => {
    try {
      await work(person, i);
    } catch (error) {
      error.message = `${person.name}: ${error.message}`;
      throw error;
    }
  }));
}

const started = Date.now();
const lap = (what) => console.log(`${engine}: ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
try {
  // Screening: four valid entries at once, then one not valid with a reason and a note.
  const desk = await signedIn(deskEmail, secretariat('/applications'));
  await follow(desk, desk.getByRole('link', { name: 'Screening', exact: true }), 'Screening');
  await desk.getByText('5 to screen, 0 valid, 0 not valid.').waitFor();
  await checkAccessibility(desk, 'screening (Secretariat)');
  for (const key of ['barcelona', 'bogota', 'lyon', 'gwangju']) {
    await desk.getByRole('checkbox', { name: titles[key], exact: true }).check();
  }
  await desk.getByRole('radio', { name: 'Valid', exact: true }).check();
  await submit(desk, desk.getByRole('button', { name: 'Record the decision' }));
  await desk.getByText('1 to screen, 4 valid, 0 not valid.').waitFor();
  await desk.getByRole('checkbox', { name: titles.guangzhou, exact: true }).check();
  await desk.getByRole('radio', { name: 'Not valid', exact: true }).check();
  await desk.getByRole('checkbox', { name: 'Evidence of impact' }).check();
  await desk.getByLabel('Note to the applicants (optional)').fill('No results are measured yet.');
  await submit(desk, desk.getByRole('button', { name: 'Record the decision' }));
  await desk.getByText('0 to screen, 4 valid, 1 not valid.').waitFor();
  await follow(desk, desk.getByRole('link', { name: 'Not valid', exact: true }), 'Screening');
  await desk.getByRole('cell', { name: 'Not valid: Evidence of impact — No results are measured yet.' }).waitFor();
  lap('screened');

  // Committees: the experts and the jurors, with their places; the conflicts the data shows.
  await open(desk, secretariat('/committees'), 'Committees');
  for (const [committee, people] of [['Technical Committee', experts], ['Jury', jurors]]) {
    for (const person of people) {
      await desk.getByLabel('Name', { exact: true }).fill(person.name);
      await desk.getByLabel('E-mail').fill(person.email);
      await desk.getByLabel('Committee', { exact: true }).selectOption({ label: committee });
      await desk.getByLabel('Country (two-letter code)').fill(person.country);
      await desk.getByLabel('City (optional, from the gazetteer)').fill(person.city);
      await desk.getByRole('checkbox', { name: 'en', exact: true }).check();
      await submit(desk, desk.getByRole('button', { name: 'Invite' }));
      await desk.getByRole('cell', { name: new RegExp(person.email) }).waitFor();
    }
  }
  const conflicts = await desk.locator('#conflicts').innerText();
  expect(conflicts.includes(titles.lyon) && conflicts.includes(titles.gwangju), `the conflicts list Lyon and Gwangju: ${conflicts}`);
  await checkAccessibility(desk, 'committees (Secretariat)');
  lap('committees formed');

  // Assignment: two reviewers per entry, at most three entries each; deployed.
  await follow(desk, desk.getByRole('link', { name: 'Assignment of reviewers' }), 'Assignment of reviewers');
  await desk.getByLabel('Reviewers per entry (k)').fill('2');
  await desk.getByLabel('Most entries per reviewer (L)').fill('3');
  await submit(desk, desk.getByRole('button', { name: 'Propose the best assignment' }));
  await desk.locator('#proposal').waitFor();
  await checkAccessibility(desk, 'assignment proposal (Secretariat)');
  await desk.getByLabel('Reviewers will see exactly these assignments.').check();
  await submit(desk, desk.getByRole('button', { name: 'Deploy', exact: true }));
  await desk.locator('#in-force', { hasText: '8 assignments' }).waitFor();
  lap('assignment deployed');

  // Reviews: the experts, at the same time, each open the entries assigned to them and submit a
  // complete review.
  const expertPages = {};
  await together(experts, async (expert, i) => {
    const page = await signedIn(expert.email, '/review');
    expertPages[nick(expert.email)] = page;
    await page.getByRole('link', { name: 'Votes on the long list and the shortlist' }).waitFor();
    const links = page.locator('ul.assigned a');
    const assigned = await links.allInnerTexts();
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(assigned.length >= 2 && assigned.length <= 3, `2 or 3 entries each: ${assigned}`);
    if (expert.city === 'Lyon') expect(!assigned.includes(titles.lyon), 'a Lyon expert never reviews Lyon');
    for (const [j, title] of assigned.entries()) {
      if (j === 0) await follow(page, links.first(), title);
      else await open(page, hrefs[j], title);
      if (i === 0 && j === 0) await checkAccessibility(page, 'review form (expert)');
      const [innovation, impact] = scores[keyOf[title]];
      const innovationGroup = page.getByRole('group', { name: 'Innovation' });
      await innovationGroup.getByLabel(/^Score/).fill(String(innovation));
      await innovationGroup.getByLabel('Comment').fill(`${title}: new for a city of this size.`);
      const impactGroup = page.getByRole('group', { name: 'Impact' });
      await impactGroup.getByLabel(/^Score/).fill(String(impact));
      await impactGroup.getByLabel('Comment').fill('Measured results over two years.');
      await page.getByLabel('Recommendation').selectOption({ label: 'Support' });
      await page.getByLabel('Confidence (1: little, 5: expert)').fill('4');
      await submit(page, page.getByRole('button', { name: 'Submit the review' }));
      await page.locator('#submitted').waitFor();
    }
  });
  lap('reviews submitted');

  // Progress, then the scores frozen and ranked.
  await open(desk, secretariat('/reviews'), 'Review progress');
  const submitted = await desk.locator('#progress tbody tr td:nth-child(4)').allInnerTexts();
  expect(submitted.reduce((sum, n) => sum + Number(n), 0) === 8, `8 reviews submitted: ${submitted}`);
  await open(desk, secretariat('/scores'), 'Scores and ranking');
  await submit(desk, desk.getByRole('button', { name: 'Freeze the submitted reviews now' }));
  await desk.locator('#snapshot', { hasText: '8 submitted reviews' }).waitFor();
  const first = await desk.locator('#ranking tbody tr').first().innerText();
  expect(first.includes(titles.barcelona), `Barcelona ranks first: ${first}`);
  await checkAccessibility(desk, 'scores (Secretariat)');
  lap('scores frozen');

  // The long list, then the shortlist: opened, approved by every expert, closed, confirmed.
  await follow(desk, desk.getByRole('link', { name: 'Long list and shortlist' }), 'Long list and shortlist');
  for (const [list, id, listed] of [
    ['Long list', 'long_list', ['barcelona', 'bogota', 'lyon']],
    ['Shortlist', 'shortlist', ['barcelona', 'bogota']],
  ]) {
    const section = desk.locator(`#list-${id}`);
    await submit(desk, section.getByRole('button', { name: 'Open the vote on this list' }));
    await section.getByText('Members who have voted: 0 / 3').waitFor();
    await together(experts, async (expert, i) => {
      const page = expertPages[nick(expert.email)];
      await open(page, '/review/lists', 'Long list and shortlist votes');
      const round = page.locator('section.card', { has: page.getByRole('heading', { name: new RegExp(`^${list} ·`) }) });
      for (const key of approvals[list][nick(expert.email)]) {
        await round.getByRole('checkbox', { name: titles[key], exact: true }).check();
      }
      if (id === 'long_list' && i === 0) await checkAccessibility(page, 'list ballot (expert)');
      await submit(page, round.getByRole('button', { name: 'Record my approvals' }));
      await round.locator('[data-voted]').waitFor();
    });
    await open(desk, secretariat('/lists'), 'Long list and shortlist');
    await section.getByText('Members who have voted: 3 / 3').waitFor();
    await section.getByRole('checkbox', { name: /^Close the vote/ }).check();
    await submit(desk, section.getByRole('button', { name: 'Close the vote', exact: true }));
    await section.getByRole('button', { name: 'Confirm the list' }).waitFor();
    if (id === 'long_list') await checkAccessibility(desk, 'lists, proposal (Secretariat)');
    for (const [key, title] of Object.entries(titles)) {
      const box = section.getByRole('checkbox', { name: title, exact: true });
      if ((await box.count()) === 0) continue;
      expect((await box.isChecked()) === listed.includes(key), `${list}: ${title} is proposed as the approvals say`);
    }
    await section.getByRole('checkbox', { name: /^Confirm the list/ }).check();
    await submit(desk, section.getByRole('button', { name: 'Confirm the list' }));
    await section.locator('[data-confirmed]').waitFor();
    const decided = await section.locator('tr[data-listed]').allInnerTexts();
    expect(decided.length === listed.length && listed.every((key) => decided.some((row) => row.includes(titles[key]))),
      `${list}: ${decided}`);
  }
  lap('lists confirmed');

  // The Jury ranks the shortlist in secret, each juror on their own.
  await together(jurors, async (juror, i) => {
    const page = await signedIn(juror.email, '/jury');
    if (i === 0) await checkAccessibility(page, 'jury ballot (juror)');
    const boxes = await page.getByRole('spinbutton').count();
    expect(boxes === 2, `the ballot holds the shortlist of 2, not ${boxes}`);
    for (const [place, key] of rankings[i].entries()) {
      await page.getByLabel(titles[key], { exact: true }).fill(String(place + 1));
    }
    await submit(page, page.getByRole('button', { name: 'Cast my ballot' }));
    await page.locator('[data-voted]').waitFor();
  });
  lap('jury voted');

  // The Secretariat closes the vote (Schulze) and publishes.
  await follow(desk, desk.getByRole('link', { name: 'Jury vote' }), 'Jury vote');
  await desk.getByText('Members who have voted: 3 / 3').waitFor();
  expect((await desk.getByLabel('Method').inputValue()) === 'schulze', 'Schulze by default');
  await desk.getByRole('checkbox', { name: /^Close the vote/ }).check();
  await submit(desk, desk.getByRole('button', { name: 'Close the vote', exact: true }));
  const result = await desk.locator('#jury-result tbody tr').allInnerTexts();
  expect(result.length === 2 && result[0].includes(titles.barcelona) && result[0].includes('Winner'), `result: ${result}`);
  expect(result[1].includes(titles.bogota) && result[1].includes('Medal of Honour'), `result: ${result}`);
  await checkAccessibility(desk, 'jury result (Secretariat)');
  await desk.getByRole('checkbox', { name: /^Publish:/ }).check();
  await submit(desk, desk.getByRole('button', { name: 'Publish the results' }));
  await desk.getByText('The results are published.').waitFor();
  await follow(desk, desk.getByRole('link', { name: /The Jury's report/ }), 'Jury report');
  await desk.getByText('Decided by the Schulze method.').waitFor();
  await checkAccessibility(desk, 'jury report (Secretariat)');
  lap('published');

  // The public, signed out: the edition's results, then the winner's page.
  await open(visitor, `/editions/${edition}`, 'Cycle Award');
  const group = (heading) => visitor.locator('section[aria-labelledby="results-heading"] h3', { hasText: heading })
    .locator('xpath=following-sibling::ul[1]');
  expect((await group('Winners').innerText()).includes(titles.barcelona), 'Barcelona is the winner');
  expect((await group('Medals of Honour').innerText()).includes(titles.bogota), 'Bogotá has a Medal of Honour');
  expect((await group('Long list').innerText()).includes(titles.lyon), 'Lyon is on the long list');
  expect(!(await visitor.locator('main').innerText()).includes(titles.guangzhou), 'a screened-out entry stays hidden');
  await checkAccessibility(visitor, 'edition results (public)');
  await follow(visitor, group('Winners').getByRole('link', { name: titles.barcelona }), titles.barcelona);
  await visitor.locator('.badge', { hasText: 'Winner' }).first().waitFor();
  console.log(`evaluation cycle (${engine}): passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  const main = await current.locator('main').innerText({ timeout: 1000 }).catch(() => '(no page)');
  console.error(`evaluation cycle (${engine}): FAILED at ${current.url()}\n${error.stack || error}\nThe page says:\n${main.slice(0, 2000)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
