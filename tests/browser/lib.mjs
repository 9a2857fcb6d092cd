// Shared helpers of the browser tests: Debian's chromium through playwright-core, axe-core.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Kapok's Content-Security-Policy forbids inline scripts; axe is injected by the test only.
  const context = await browser.newContext({ bypassCSP: true, locale: 'en-GB' });
  return { browser, page: await context.newPage() };
}

/** Runs axe on the current page; throws listing every serious or critical violation. */
export async function checkAccessibility(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const details = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
    throw new Error(`accessibility violations on ${label}:\n  ${details.join('\n  ')}`);
  }
  console.log(`axe: ${label}: no serious violations (${result.passes.length} rules passed)`);
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs a test body with a fresh browser, printing a clear failure and exiting non-zero. */
export async function run(name, body) {
  const base = process.argv[2];
  if (!base) {
    console.error(`usage: node ${name}.mjs BASE_URL`);
    process.exit(2);
  }
  const { browser, page } = await launch();
  try {
    await body(page, base);
    console.log(`${name}: passed`);
  } catch (error) {
    console.error(`${name}: FAILED at ${page.url()}\n${error.stack || error}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
