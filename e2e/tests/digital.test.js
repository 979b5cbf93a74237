import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, endSessionsOf, launch, shot, signedIn, uniqueNumber, USERS } from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('B30 B31 B32 B33 B51: a chat is monitored read-only; its transcript updates live; End Monitoring', async () => {
  await endSessionsOf('sam');
  const customer = uniqueNumber();
  const chat = await call('channel-platform', '/api/conversations', 'POST', {
    channel: 'CHAT', flowId: 'support', customer, customerName: 'Casey', agentId: USERS.anna, agentName: 'Anna',
  });
  const id = chat.id || chat.interactionId;
  await call('channel-platform', `/api/conversations/${id}/messages`, 'POST', { authorRole: 'CUSTOMER', text: 'Hello, my parcel is late' });
  const { context, page } = await signedIn(browser, 'sam');
  const row = `tr[data-interaction="${id}"]`;
  try {
    await page.waitForSelector(row, { timeout: 15000 });
    // B11: a message sam has not seen yet
    await page.waitForSelector(`${row} .dot`, { timeout: 15000 });
    await page.click(`${row} button[data-action="monitor"]`);
    const details = `tr[data-details-for="${id}"]`;
    await page.waitForSelector(`${details} .transcript .msg`, { timeout: 15000 });
    // B32: the three parts of the details view
    for (const heading of ['Interaction Details', 'Active Participants', 'Interaction Monitors']) {
      assert.ok(await page.isVisible(`${details} h3:text("${heading}")`), heading);
    }
    // B31: from the first message; B30: nothing to post with
    assert.match(await page.textContent(`${details} .transcript`), /my parcel is late/);
    assert.equal(await page.locator(`${details} textarea, ${details} input[type=text]`).count(), 0);

    await call('channel-platform', `/api/conversations/${id}/messages`, 'POST', { authorRole: 'AGENT', text: 'Let me check that for you' });
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('Let me check'),
      `${details} .transcript`, { timeout: 5000 });
    await shot(page, '08-chat-transcript-live');

    await page.click(`${details} button:text("End Monitoring")`);
    await page.waitForSelector(`${details} .transcript`, { state: 'detached', timeout: 10000 });
    assert.equal((await call('sam', '/api/monitoring/sessions')).length, 0);
  } finally {
    await call('channel-platform', `/api/conversations/${id}/end`, 'POST', { by: 'CUSTOMER' });
    await context.close();
  }
});
