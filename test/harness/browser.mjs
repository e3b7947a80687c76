// @ts-check
// Headless Debian chromium driven by playwright-core (which downloads no browser of its own).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { HarnessError } from './paths.mjs';
import { onInterrupt } from './processes.mjs';

export const viewport = { width: 1280, height: 800 };

/** TRADE_NOTES_CHROMIUM overrides the Debian default. */
function chromiumPath() {
  const candidates = [process.env.TRADE_NOTES_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    throw new HarnessError(
      'chromium not found: apt-get install -y chromium (or set TRADE_NOTES_CHROMIUM to a Chromium binary).',
    );
  }
  return found;
}

/** Launches the browser; it is closed on Ctrl-C and on errors too. */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // The harness ends the browser itself, after its own cleanup.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const forget = onInterrupt(() => browser.close());
  return {
    browser,
    close: async () => {
      forget();
      await browser.close();
    },
  };
}

/**
 * A fresh browser context (no state from earlier runs) at the harness window size.
 * @param {import('playwright-core').Browser} browser
 */
export function newWorkbenchPage(browser) {
  return browser.newPage({ viewport });
}
