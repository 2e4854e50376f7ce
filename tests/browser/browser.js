// The one way the browser tests open a page: Debian's chromium through playwright-core (no bundled browser), a
// throw-away profile, and on failure the page's text appended to the error (it says more than a timeout does).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

async function withPage(url, { patience, viewport, shownOnFailure }, drive) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnsbl-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ...(viewport ? { viewport } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(patience);
    await page.goto(url);
    try {
      await drive(page);
    } catch (error) {
      const shown = await page.locator(shownOnFailure).innerText().catch(() => '(nothing shown)');
      throw new Error(`${error.message}\n--- the page showed ---\n${shown}`);
    }
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

module.exports = { withPage };
