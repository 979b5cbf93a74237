// What every browser test needs: Chromium from Debian, the stack's addresses, demo users, and
// API calls made as those users (tokens from the same Keycloak: people by the password grant, the
// tenant's machine identities by the client-credentials grant).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const CONSOLE = process.env.CONSOLE_URL || 'http://127.0.0.1:8080';
export const ISSUER = process.env.OIDC_ISSUER || 'http://127.0.0.1:8180/realms/monitoring';
export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export const USERS = {
  alice: 'a0000000-0000-4000-8000-000000000001',
  sam: 'a0000000-0000-4000-8000-000000000002',
  sue: 'a0000000-0000-4000-8000-000000000003',
  mona: 'a0000000-0000-4000-8000-000000000004',
  adam: 'a0000000-0000-4000-8000-000000000005',
  anna: 'a0000000-0000-4000-8000-000000000006',
};

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A new browser context signed in to the console as {@code user} through Keycloak's login page. */
export async function signedIn(browser, user, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${CONSOLE}/`);
  await page.waitForSelector('#username', { timeout: 30000 });
  await page.fill('#username', user);
  await page.fill('#password', 'demo');
  await page.click('#kc-login');
  await page.waitForSelector('#sign-out:not([hidden])', { timeout: 30000 });
  return { context, page };
}

/**
 * The demo tenant's machine identities (B07, B35): Keycloak clients with only the client-credentials grant, whose
 * service accounts hold the custom roles "Phone Simulator" (OPERATE_SIMULATOR: place and hang up calls) and
 * "Channel Platform" (HANDLE_CONVERSATIONS: deliver chats). No person's role may do either. Demo-only secrets.
 */
export const MACHINES = {
  'phone-simulator': { clientId: 'acme-phone-simulator', secret: 'acme-phone-simulator-demo-secret' },
  'channel-platform': { clientId: 'acme-channel-platform', secret: 'acme-channel-platform-demo-secret' },
};

const tokens = new Map();
export async function token(user) {
  const cached = tokens.get(user);
  if (cached && cached.until > Date.now()) return cached.token;
  const machine = MACHINES[user];
  const form = machine
    ? { grant_type: 'client_credentials', client_id: machine.clientId, client_secret: machine.secret }
    : { grant_type: 'password', client_id: 'monitoring-console', username: user, password: 'demo' };
  const response = await fetch(`${ISSUER}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (!response.ok) throw new Error(`no token for ${user}: ${response.status}`);
  const answer = await response.json();
  tokens.set(user, { token: answer.access_token, until: Date.now() + (answer.expires_in - 20) * 1000 });
  return answer.access_token;
}

export async function call(user, path, method = 'GET', body) {
  const response = await fetch(`${CONSOLE}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(user)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} as ${user}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Ends whatever {@code user} still monitors, so a test starts clean. */
export async function endSessionsOf(user) {
  for (const session of await call(user, '/api/monitoring/sessions')) {
    await call(user, `/api/monitoring/sessions/${session.sessionId}`, 'DELETE');
  }
}

export function uniqueNumber() {
  return `+1555${String(Date.now()).slice(-7)}`;
}

/** The phone simulator places a call of the demo tenant (never a person's token). */
export async function placeCall(agent, customerNumber) {
  return call('phone-simulator', '/api/telephony/calls', 'POST', {
    flowId: 'support', agentId: USERS[agent], agentName: agent[0].toUpperCase() + agent.slice(1), customerNumber,
  });
}

/** The phone simulator hangs up a call, as its customer or its agent. */
export async function hangUp(callId, by) {
  return call('phone-simulator', `/api/telephony/calls/${callId}/hangup`, 'POST', { by });
}

export async function shot(page, name) {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** A chat delivered by the channel platform for {@code agent}, with the customer's first message. */
export async function startChat(agent, text = 'Hello, my parcel is late') {
  const customer = uniqueNumber();
  const chat = await call('channel-platform', '/api/conversations', 'POST', {
    channel: 'CHAT', flowId: 'support', customer, customerName: 'Casey', agentId: USERS[agent],
    agentName: agent[0].toUpperCase() + agent.slice(1),
  });
  const id = chat.id || chat.interactionId;
  if (text) await post(id, 'CUSTOMER', text);
  return { id, customer };
}

export async function post(chatId, authorRole, text) {
  return call('channel-platform', `/api/conversations/${chatId}/messages`, 'POST', { authorRole, text });
}

export async function endChat(chatId) {
  return call('channel-platform', `/api/conversations/${chatId}/end`, 'POST', { by: 'CUSTOMER' });
}

/** Polls until {@code check} holds (no fixed sleeps): like playwright's expect().toPass(). */
export async function eventually(check, { timeout = 15000, interval = 100 } = {}) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value !== false) return value;
      last = new Error('condition still false');
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw last;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

const AXE = new URL('../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

/** axe-core in the page (WCAG 2.2 A/AA rules): the serious and critical violations, as readable lines. */
export async function axe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab (keyboard only) until {@code selector} has the focus; at most {@code max} presses. */
export async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return i;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reached with ${max} Tab presses`);
}
