import type { Page } from 'playwright-core';
import { tabTo } from './keyboard.ts';
import type { E2eServer } from './server.ts';

/** Signs in through the real magic-link form, by mouse or by keyboard alone, and follows the link from the outbox. */
export async function signIn(server: E2eServer, page: Page, email: string, opts: { byKeyboard?: boolean } = {}): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  if (opts.byKeyboard) {
    await tabTo(page, /Email address/);
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
  } else {
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  }
  await page.getByText('a sign-in link is on its way').waitFor();
  await page.goto(await server.latestSignInLink(email));
  await page.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();
}
