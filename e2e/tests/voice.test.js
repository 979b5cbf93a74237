import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { endSessionsOf, hangUp, launch, placeCall, shot, signedIn, uniqueNumber } from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const row = (page, customer) => page.locator('tr[data-channel="VOICE"]').filter({ hasText: customer });

test('B10 B20 B21 B23 B25 B51: a placed call appears live; monitor on the second extension, barge, mute; the toolbar goes when the call ends', async () => {
  await endSessionsOf('sam');
  const { context, page } = await signedIn(browser, 'sam');
  try {
    await page.waitForSelector('#live.on', { timeout: 20000 });
    const customer = uniqueNumber();
    const placed = await placeCall('adam', customer);

    // B51: the new call shows up without a reload
    await row(page, customer).waitFor({ timeout: 15000 });
    await shot(page, '01-table-with-new-call');

    await row(page, customer).locator('button[data-action="monitor"]').click();
    const options = page.locator('#extensions label');
    // B20: the supervisor's extensions in their configured order
    assert.deepEqual(await options.allInnerTexts().then((t) => t.map((s) => s.split(' ')[0])), ['Desk', 'Mobile', 'Browser']);
    await shot(page, '02-extension-chooser');
    await options.nth(1).locator('input').check();
    await page.click('#chooser-go');

    // B21: dialing, then listening muted
    await page.waitForSelector('#toolbar:not([hidden])');
    await page.waitForFunction(() => document.getElementById('toolbar-state').textContent.includes('Listening'), null, { timeout: 15000 });
    assert.match(await page.textContent('#toolbar-text'), /Mobile/);
    await shot(page, '03-monitoring-muted');

    // the toolbar names the call and highlights its row
    assert.match(await page.textContent('#toolbar-title'), /Adam's call/);
    await page.waitForFunction((c) => document.getElementById('toolbar-customer').textContent.includes(c), customer);
    assert.equal(await row(page, customer).getAttribute('aria-current'), 'true');

    // B23, B29: barge, then mute again; the mode control shows the confirmed mode
    await page.click('#mode-barge');
    await page.waitForFunction(() => document.getElementById('toolbar-state').textContent.includes('Barged'));
    assert.equal(await page.getAttribute('#mode-barge', 'aria-checked'), 'true');
    assert.equal(await page.getAttribute('#mode-listen', 'aria-checked'), 'false');
    await shot(page, '04-barged');
    await page.click('#mode-listen');
    await page.waitForFunction(() => document.getElementById('toolbar-state').textContent.includes('Listening'));
    assert.equal(await page.getAttribute('#mode-listen', 'aria-checked'), 'true');

    // B25: the customer hangs up; the toolbar goes away by itself and says why
    await hangUp(placed.callId, 'CUSTOMER');
    await page.waitForSelector('#toolbar', { state: 'hidden', timeout: 15000 });
    assert.match(await page.textContent('#notice'), /interaction ended/);
    await shot(page, '05-call-ended');
  } finally {
    await context.close();
  }
});

test('B02 B52: a supervisor without barge permission sees Barge locked; a single extension skips the chooser; notices dismiss', async () => {
  await endSessionsOf('mona');
  const { context, page } = await signedIn(browser, 'mona');
  const customer = uniqueNumber();
  const placed = await placeCall('anna', customer);
  try {
    await row(page, customer).waitFor({ timeout: 15000 });
    await row(page, customer).locator('button[data-action="monitor"]').click();
    // mona has one extension: no chooser, straight to the toolbar
    await page.waitForFunction(() => document.getElementById('toolbar-state').textContent.includes('Listening'), null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => document.getElementById('chooser').open), false);
    assert.equal(await page.isDisabled('#mode-barge'), true);
    assert.match(await page.textContent('#modes-why'), /does not allow barging/);
    await shot(page, '06-microphone-locked');
    await page.click('#hang-up');
    await page.waitForSelector('#toolbar', { state: 'hidden' });
    assert.match(await page.textContent('#notice'), /you hung up/);
    await page.click('#notice button[data-dismiss]');
    await page.waitForSelector('#notice', { state: 'hidden' });
  } finally {
    await hangUp(placed.callId, 'AGENT');
    await context.close();
  }
});

test('B52: a Monitor button that cannot be used says why; the page reads on a narrow screen', async () => {
  await endSessionsOf('sam');
  const customer = uniqueNumber();
  const first = await placeCall('adam', customer);
  const second = await placeCall('anna', uniqueNumber());
  const { context, page } = await signedIn(browser, 'sam', { width: 390, height: 844 });
  try {
    await row(page, customer).waitFor({ timeout: 15000 });
    await row(page, customer).locator('button[data-action="monitor"]').click();
    await page.click('#chooser-go');
    await page.waitForSelector('#toolbar:not([hidden])');
    // the phone layout is compact: two-line rows, not a 5,800 px page
    const rowHeight = await row(page, customer).evaluate((tr) => tr.getBoundingClientRect().height);
    assert.ok(rowHeight < 130, `row is ${rowHeight}px high`);
    // already monitoring a call: every other voice row says so
    await page.waitForSelector('tr[data-channel="VOICE"] .why:text("Already monitoring a call")', { timeout: 15000 });
    await shot(page, '07-narrow-already-monitoring');
    await page.click('#hang-up');
    await page.waitForSelector('#toolbar', { state: 'hidden' });
  } finally {
    await hangUp(first.callId, 'AGENT');
    await hangUp(second.callId, 'AGENT');
    await context.close();
  }
});
