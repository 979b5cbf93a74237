// B51 at scale (issue 13): a table event carries the changed row, and the console patches it in place — no
// request for the page or for /api/monitoring/me per change; focus stays where the reader left it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, endChat, endSessionsOf, eventually, launch, shot, signedIn, startChat } from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('B51: a changed row on the page is patched from the event, without fetching the table or /me again', async () => {
  await endSessionsOf('sam');
  await endSessionsOf('sue');
  const chat = await startChat('anna', 'Is anyone there?');
  const { context, page } = await signedIn(browser, 'sam');
  const asked = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path === '/api/monitoring/interactions' || path === '/api/monitoring/me') asked.push(path);
  });
  try {
    const row = `tr[data-interaction="${chat.id}"]`;
    await page.waitForSelector('#live.on', { timeout: 20000 });
    await page.waitForSelector(`${row} button[data-action="monitor"]:not([disabled])`, { timeout: 15000 });
    // the first page loads and the (re)connection's refresh are done: from here on only events change the row
    await eventually(async () => {
      const before = asked.length;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return asked.length === before;
    }, { timeout: 20000 });
    await page.focus(`${row} button[data-action="monitor"]`);
    asked.length = 0;

    // sue starts monitoring the chat: sam's row shows her, from the table event alone
    await eventually(() => call('sue', '/api/monitoring/sessions', 'POST', { interactionId: chat.id }));
    await page.waitForFunction((sel) => /sue/i.test(document.querySelector(`${sel} td.monitors`)?.textContent || ''),
      row, { timeout: 15000 });
    await shot(page, '20-row-patched-by-event');
    assert.deepEqual(asked, [], 'no page or /me request for a changed row that is on the page');
    assert.equal(await page.evaluate((sel) => document.activeElement?.closest('tr')?.matches(sel), row), true,
      'keyboard focus stays in the row');
  } finally {
    await endSessionsOf('sue');
    await endChat(chat.id).catch(() => {});
    await context.close();
  }
});
