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
