// Sign-in with the identity provider: OAuth 2.0 authorization code flow with PKCE (S256), as a
// public client. Tokens live in this tab's sessionStorage only and are refreshed before they expire.
const STORE = 'im.tokens';
const FLOW = 'im.pkce';

let config;
let discovery;

async function discover() {
  if (!config) {
    config = await (await fetch('/console-config.json')).json();
    discovery = await (await fetch(`${config.issuer}/.well-known/openid-configuration`)).json();
  }
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return `${location.origin}/`;
}

function saveTokens(answer) {
  const tokens = {
    access: answer.access_token,
    refresh: answer.refresh_token,
    id: answer.id_token,
    expiresAt: Date.now() + (answer.expires_in || 60) * 1000,
  };
  sessionStorage.setItem(STORE, JSON.stringify(tokens));
  return tokens;
}

function storedTokens() {
  const raw = sessionStorage.getItem(STORE);
  return raw ? JSON.parse(raw) : null;
}

async function tokenRequest(params) {
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...params }),
  });
  if (!response.ok) {
    throw new Error('The sign-in could not be completed; please sign in again.');
  }
  return saveTokens(await response.json());
}

async function startSignIn() {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  // the table's filters, sort and page live in the query string: back to them after signing in
  sessionStorage.setItem(FLOW, JSON.stringify({ verifier, state, search: location.search }));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(url);
  return new Promise(() => {}); // the page is leaving
}

/** Returns valid tokens, completing or starting the sign-in when needed. */
export async function signIn() {
  await discover();
  const params = new URLSearchParams(location.search);
  if (params.has('code')) {
    const flow = JSON.parse(sessionStorage.getItem(FLOW) || '{}');
    sessionStorage.removeItem(FLOW);
    history.replaceState(null, '', `${redirectUri()}${flow.search && !flow.search.includes('code=') ? flow.search : ''}`);
    if (!flow.state || flow.state !== params.get('state')) {
      return startSignIn();
    }
    return tokenRequest({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(), code_verifier: flow.verifier,
    });
  }
  const tokens = storedTokens();
  if (tokens && tokens.expiresAt > Date.now() + 10_000) {
    return tokens;
  }
  if (tokens && tokens.refresh) {
    try {
      return await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh });
    } catch (e) {
      sessionStorage.removeItem(STORE);
    }
  }
  return startSignIn();
}

/** A fresh access token for an API call. */
export async function accessToken() {
  return (await signIn()).access;
}

export function claims() {
  const tokens = storedTokens();
  if (!tokens) {
    return {};
  }
  const payload = tokens.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}

export async function signOut() {
  await discover();
  const tokens = storedTokens();
  sessionStorage.removeItem(STORE);
  const url = new URL(discovery.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId, post_logout_redirect_uri: redirectUri(), ...(tokens?.id ? { id_token_hint: tokens.id } : {}),
  });
  location.assign(url);
}
