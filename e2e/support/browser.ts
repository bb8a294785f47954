import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from './server.js';

/** Debian's Chromium, headless; tests never download a browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The real server with the demo data and one browser, started before a test file's tests and stopped after them;
 * the tests read both from the returned object once the file runs.
 */
export function browserSuite(): { server: RunningServer; browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
