import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/server/src/demo/demo-data.js';
import type { RunningServer } from './server.js';

/** A fresh browser profile; uncaught errors and console errors (CSP violations among them) are collected for the test to check. */
export async function openPage(
  browser: Browser,
  server: RunningServer,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'vi-VN', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // Refused or missing API calls are logged by the browser as failed resources; the tests check the UI instead.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** Logs in with the demo password from the home page and waits for the greeting. */
export async function logIn(page: Page, username: string) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
}

/** How many CSS pixels the page is wider than the window (0 or less: it fits). */
export const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
