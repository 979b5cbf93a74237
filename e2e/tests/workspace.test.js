// The supervisor's workspace (issue 14): live work first, updates in place, sticky transcripts, the
// keyboard path, the agents view, review of ended chats, the no-permission page, accessibility (axe-core).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axe, call, CONSOLE, endChat, endSessionsOf, eventually, hangUp, launch, placeCall, post, shot, signedIn, startChat,
  tabTo, uniqueNumber,
} from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A chat that sam monitored and that then ended: a "previously monitored" row. */
async function previouslyMonitoredChat() {
  const chat = await startChat('anna', 'Where is my order?');
  // the chat reaches monitoring by its events: retry until it is there
  await eventually(() => call('sam', '/api/monitoring/sessions', 'POST', { interactionId: chat.id }));
  await endChat(chat.id);
  await eventually(async () => (await call('sam', '/api/monitoring/sessions')).every((s) => s.interactionId !== chat.id));
  return chat;
}

test('B13 B12: live work first with counts; sort, search and filters are kept in the address', async () => {
  await endSessionsOf('sam');
  const ended = await previouslyMonitoredChat();
  const customer = uniqueNumber();
  const placed = await placeCall('adam', customer);
  const { context, page } = await signedIn(browser, 'sam');
  try {
    await page.waitForSelector(`tr[data-interaction="${placed.interactionId || placed.callId}"], tr[data-channel="VOICE"]:has-text("${customer}")`);
    // B13: the live group, with its count, comes before every previously monitored row
    const order = await page.$$eval('#rows > tr', (trs) => trs.map((tr) => tr.dataset.group || tr.dataset.state || ''));
    assert.equal(order[0], 'live');
    const firstEnded = order.indexOf('ENDED');
    if (firstEnded >= 0) assert.ok(order.slice(firstEnded).every((s) => s !== 'ACTIVE'), order.join(','));
    await page.waitForFunction(() => /Live \d+ · Previously monitored \d+/.test(document.getElementById('summary').textContent));
    assert.match(await page.textContent('tr[data-group="live"]'), /Live · \d+/);

    // sortable headers: aria-sort follows, the address keeps it
    await page.click('th[data-sort="agentName"] button');
    await page.waitForSelector('th[data-sort="agentName"][aria-sort="ascending"]');
    assert.match(page.url(), /sort=agentName/);

    // search (debounced), kept over a reload
    await page.fill('#search', ended.customer);
    await page.waitForFunction((id) => document.querySelectorAll('#rows tr[data-interaction]').length === 1
      && document.querySelector(`tr[data-interaction="${id}"]`), ended.id);
    assert.match(page.url(), new RegExp(`q=%2B?${ended.customer.replace('+', '')}`));
    await page.reload();
    await page.waitForSelector(`tr[data-interaction="${ended.id}"]`);
    assert.equal(await page.inputValue('#search'), ended.customer);
    assert.equal(await page.getAttribute('th[data-sort="agentName"]', 'aria-sort'), 'ascending');
    assert.equal(await page.locator('#rows tr[data-interaction]').count(), 1);
  } finally {
    await hangUp(placed.callId, 'AGENT');
    await context.close();
  }
});

test('B31 B51: the transcript sticks to the newest message unless the reader scrolled up; table updates leave it, focus and details alone; the chat\'s end keeps it with a notice', async () => {
  await endSessionsOf('sam');
  const chat = await startChat('anna');
  for (let i = 1; i <= 24; i += 1) await post(chat.id, i % 2 ? 'AGENT' : 'CUSTOMER', `message number ${i}`);
  const { context, page } = await signedIn(browser, 'sam');
  const details = `tr[data-details-for="${chat.id}"]`;
  let placed;
  try {
    await page.click(`tr[data-interaction="${chat.id}"] button[data-action="monitor"]`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('message number 24'), `${details} .transcript`);
    // stuck to the newest message
    const atBottom = (sel) => page.$eval(sel, (n) => n.scrollHeight - n.scrollTop - n.clientHeight < 24);
    assert.equal(await atBottom(`${details} .transcript`), true);

    // a table event (a new call) patches the table: same transcript node, focus kept, no "Loading details…"
    await page.$eval(`${details} .transcript`, (n) => { window.keptTranscript = n; });
    await page.focus(`tr[data-interaction="${chat.id}"] button[data-action="details"]`);
    const customer = uniqueNumber();
    placed = await placeCall('adam', customer);
    await page.waitForSelector(`tr[data-channel="VOICE"]:has-text("${customer}")`);
    assert.equal(await page.evaluate(() => window.keptTranscript.isConnected), true);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'details');
    assert.doesNotMatch(await page.textContent(details), /Loading details/);

    // scrolled up: a new message does not move the reader; "1 new message" takes them down
    await page.$eval(`${details} .transcript`, (n) => { n.scrollTop = 0; n.dispatchEvent(new Event('scroll')); });
    await post(chat.id, 'CUSTOMER', 'one more thing');
    await page.waitForSelector(`${details} button.more:text("1 new message")`);
    assert.equal(await page.$eval(`${details} .transcript`, (n) => n.scrollTop), 0);
    await page.click(`${details} button.more`);
    assert.equal(await atBottom(`${details} .transcript`), true);
    assert.equal(await page.isHidden(`${details} button.more`), true);

    // the customer ends the chat: the transcript stays, with a notice
    await endChat(chat.id);
    await page.waitForSelector(`${details} .notice-inline:text("The chat has ended")`);
    assert.match(await page.textContent(`${details} .transcript`), /one more thing/);
    await shot(page, '09-chat-ended-transcript-kept');
  } finally {
    if (placed) await hangUp(placed.callId, 'AGENT');
    await context.close();
  }
});

test('B23 B24 B29 B51: keyboard only — monitor, barge, hang up; focus goes to the toolbar and back to the row', async () => {
  await endSessionsOf('sam');
  const customer = uniqueNumber();
  const placed = await placeCall('adam', customer);
  const { context, page } = await signedIn(browser, 'sam');
  const rowSelector = `tr[data-channel="VOICE"]:has-text("${customer}")`;
  try {
    await page.waitForSelector(`${rowSelector} button[data-action="monitor"]:not([disabled])`);
    const id = await page.getAttribute(rowSelector, 'data-interaction');
    await tabTo(page, `tr[data-interaction="${id}"] button[data-action="monitor"]`);
    await page.keyboard.press('Enter');
    // the chooser: Enter on the (remembered or first) extension starts monitoring
    await page.waitForSelector('#chooser[open] input:focus');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'toolbar-title');
    await page.waitForFunction(() => document.getElementById('toolbar-state').textContent.includes('Listening'), null, { timeout: 15000 });
    await tabTo(page, '#mode-listen', 4);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'mode-barge');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.getElementById('mode-barge').getAttribute('aria-checked') === 'true');
    assert.match(await page.textContent('#toolbar-state'), /Barged/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'mode-barge');
    await tabTo(page, '#hang-up', 3);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#toolbar', { state: 'hidden' });
    await page.waitForFunction((i) => document.activeElement?.dataset?.interaction === i, id);
  } finally {
    await hangUp(placed.callId, 'AGENT');
    await context.close();
  }
});

test('B20: the chooser closes when its call ends; the skip link reaches the table', async () => {
  await endSessionsOf('sam');
  const customer = uniqueNumber();
  const placed = await placeCall('adam', customer);
  const { context, page } = await signedIn(browser, 'sam');
  try {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-main');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.click(`tr[data-channel="VOICE"]:has-text("${customer}") button[data-action="monitor"]`);
    await page.waitForSelector('#chooser[open]');
    await hangUp(placed.callId, 'CUSTOMER');
    await page.waitForSelector('#chooser:not([open])', { state: 'attached' });
    assert.match(await page.textContent('#notice'), /ended before you chose/);
  } finally {
    await context.close();
  }
});

test('agents view: state, timer, Monitor on the current call (B52)', async () => {
  await endSessionsOf('sam');
  const customer = uniqueNumber();
  const placed = await placeCall('adam', customer);
  const { context, page } = await signedIn(browser, 'sam');
  try {
    await page.click('#tab-agents');
    assert.match(page.url(), /view=agents/);
    const adam = 'tr[data-agent="a0000000-0000-4000-8000-000000000005"]';
    await page.waitForSelector(`${adam}[data-state="ON_INTERACTION"] .agent-interaction:has-text("${customer}")`);
    assert.match(await page.textContent('#agents-summary'), /On an interaction \d+ · Available \d+/);
    await shot(page, '10-agents-view');
    await page.click(`${adam} .agent-interaction:has-text("${customer}") button[data-action="monitor"]`);
    await page.waitForSelector('#chooser[open]');
    await page.click('#chooser-cancel');
  } finally {
    await hangUp(placed.callId, 'AGENT');
    await context.close();
  }
});

test('B34 B11 B41 B52: an administrator reviews an ended monitored chat (the red dot clears); a supervisor is told why not', async (t) => {
  await endSessionsOf('sam');
  const chat = await previouslyMonitoredChat();
  const rows = await call('sam', `/api/monitoring/interactions?q=${encodeURIComponent(chat.customer)}`);
  if (!rows.items.some((r) => 'review' in r)) {
    t.skip('monitoring-service has no review API yet (rows without "review")');
    return;
  }
  const sam = await signedIn(browser, 'sam');
  const alice = await signedIn(browser, 'alice');
  const row = `tr[data-interaction="${chat.id}"]`;
  try {
    await sam.page.fill('#search', chat.customer);
    await sam.page.waitForSelector(`${row} .why:text("does not allow reviewing")`);
    assert.equal(await sam.page.locator(`${row} button[data-action="review"]`).count(), 0);
    await alice.page.fill('#search', chat.customer);
    await alice.page.waitForSelector(`${row} .dot`);
    await alice.page.click(`${row} button[data-action="review"]`);
    const details = `tr[data-details-for="${chat.id}"]`;
    await alice.page.waitForSelector(`${details} .notice-inline:text("Review of an ended chat")`);
    // the review was granted (audited, B41); transcript-service reads it for the reviewer, or says why not
    const read = await alice.page.waitForFunction((sel) => {
      const text = document.querySelector(sel)?.textContent || '';
      return text.includes('Where is my order?') ? 'read' : (document.querySelector(`${sel} .why`) ? 'refused' : false);
    }, `${details} .transcript`).then((h) => h.jsonValue());
    if (read === 'refused') {
      t.skip(`transcript-service does not let a reviewer read yet: ${await alice.page.textContent(`${details} .transcript .why`)}`);
      return;
    }
    await alice.page.waitForSelector(`${row} .dot`, { state: 'detached' });
    await shot(alice.page, '11-review-ended-chat');
  } finally {
    await sam.context.close();
    await alice.context.close();
  }
});

test('an agent without monitoring permission gets a page that says so: no table, no paging, no stream, no 403s', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/api/monitoring/')) asked.push(new URL(r.url()).pathname); });
  const refused = [];
  page.on('response', (r) => { if (r.status() === 403) refused.push(r.url()); });
  try {
    await page.goto(`${CONSOLE}/`);
    await page.fill('#username', 'adam');
    await page.fill('#password', 'demo');
    await page.click('#kc-login');
    await page.waitForSelector('#no-permission:not([hidden])');
    assert.equal(await page.isVisible('table.interactions'), false);
    assert.equal(await page.isVisible('nav.paging'), false);
    assert.deepEqual([...new Set(asked)], ['/api/monitoring/me']);
    assert.deepEqual(refused, []);
    assert.deepEqual(await axe(page), []);
  } finally {
    await context.close();
  }
});

test('WCAG 2.2 AA: axe-core finds no serious or critical violation at 1280×800 and 390×844 (table, toolbar, details, agents)', async () => {
  await endSessionsOf('sam');
  const chat = await startChat('anna', 'Can you hear me?');
  const customer = uniqueNumber();
  const placed = await placeCall('adam', customer);
  try {
    for (const [viewport, name] of [[{ width: 1280, height: 800 }, 'console'], [{ width: 390, height: 844 }, 'console-phone']]) {
      const { context, page } = await signedIn(browser, 'sam', viewport);
      try {
        await page.waitForSelector(`tr[data-channel="VOICE"]:has-text("${customer}") button[data-action="monitor"]`);
        await page.click(`tr[data-interaction="${chat.id}"] button[data-action="monitor"]`);
        await page.waitForSelector(`tr[data-details-for="${chat.id}"] .transcript .msg`);
        await page.click(`tr[data-channel="VOICE"]:has-text("${customer}") button[data-action="monitor"]`);
        await page.click('#chooser-go');
        await page.waitForFunction(() => document.getElementById('toolbar-state').textContent.includes('Listening'), null, { timeout: 15000 });
        await page.click('#mode-barge');
        await page.waitForFunction(() => document.getElementById('mode-barge').getAttribute('aria-checked') === 'true');
        assert.deepEqual(await axe(page), [], `${name}: table, toolbar and details`);
        await page.screenshot({ path: new URL(`../artifacts/${name}.png`, import.meta.url).pathname, fullPage: false });
        await page.click('#tab-agents');
        await page.waitForSelector('#agents-summary:not(:empty)');
        assert.deepEqual(await axe(page), [], `${name}: agents`);
        await page.click('#hang-up');
        await page.waitForSelector('#toolbar', { state: 'hidden' });
        await endSessionsOf('sam');
      } finally {
        await context.close();
      }
    }
  } finally {
    await hangUp(placed.callId, 'AGENT');
    await endChat(chat.id);
  }
});
