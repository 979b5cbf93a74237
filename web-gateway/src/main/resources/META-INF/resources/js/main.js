// The Interaction Monitoring page: who is signed in, the live table (B10–B12, B51), and the
// monitor actions with their reasons (B52).
import { api, whyNotSentence } from './api.js';
import { claims, signIn, signOut } from './auth.js';
import * as digital from './digital.js';
import { follow } from './sse.js';
import * as voice from './voice.js';
import { CHANNEL_NAMES, channelIcon, duration, el, fail, time } from './view.js';

const PAGE_SIZE = 25;
const state = { page: 0, filters: {}, rows: [], me: null, expanded: new Set() };

async function start() {
  try {
    await signIn();
  } catch (e) {
    document.getElementById('who').textContent = e.message;
    return;
  }
  const who = claims();
  try {
    state.me = await api('/api/monitoring/me');
  } catch (e) {
    fail(e);
    return;
  }
  const roles = (who.groups || []).join(', ');
  document.getElementById('who').textContent = `${who.name || who.preferred_username} · ${who.tenant}${roles ? ` · ${roles}` : ''}`;
  const signOutButton = document.getElementById('sign-out');
  signOutButton.hidden = false;
  signOutButton.addEventListener('click', signOut);
  voice.init(state.me, () => load());
  wireFilters();
  await load();
  follow('/api/monitoring/stream', (name, data) => {
    if (name === 'table') schedule();
    if (name === 'session') voice.refresh(JSON.parse(data).sessionId).then(schedule);
  }, (on, status) => {
    document.getElementById('live').classList.toggle('on', on);
    document.getElementById('live').textContent = on ? '● live' : (status === 403 ? 'no permission to monitor' : '○ reconnecting…');
  });
  setInterval(tick, 1000);
  setInterval(load, 30000); // safety net; changes arrive by the stream
}

let timer;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(load, 250);
}

function wireFilters() {
  const form = document.getElementById('filters');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', () => {
    const data = new FormData(form);
    state.filters = Object.fromEntries([...data.entries()].filter(([, v]) => v));
    state.page = 0;
    schedule();
  });
  document.getElementById('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); load(); });
  document.getElementById('next').addEventListener('click', () => { state.page += 1; load(); });
}

async function load() {
  const query = new URLSearchParams({ ...state.filters, page: state.page, size: PAGE_SIZE });
  let page;
  try {
    [page, state.me] = await Promise.all([api(`/api/monitoring/interactions?${query}`), api('/api/monitoring/me')]);
  } catch (e) {
    fail(e);
    return;
  }
  state.rows = page.items;
  document.getElementById('page-label').textContent = `Page ${state.page + 1}`;
  document.getElementById('prev').disabled = state.page === 0;
  document.getElementById('next').disabled = !page.hasMore;
  render();
}

function render() {
  const body = document.getElementById('rows');
  const rows = [];
  for (const row of state.rows) {
    rows.push(renderRow(row));
    if (state.expanded.has(row.interactionId)) {
      const cell = el('td', { colspan: '9' }, 'Loading details…');
      rows.push(el('tr', { class: 'details', 'data-details-for': row.interactionId }, cell));
      digital.render(row, cell, state.me, load);
    }
  }
  for (const id of [...state.expanded]) {
    if (!state.rows.some((r) => r.interactionId === id)) {
      state.expanded.delete(id);
      digital.close(id);
    }
  }
  body.replaceChildren(...rows);
  document.getElementById('empty').hidden = state.rows.length > 0;
}

function renderRow(row) {
  const digitalRow = row.channel !== 'VOICE';
  const mine = row.monitors.find((m) => m.supervisorId === state.me.userId);
  const monitors = row.monitors.length
    ? row.monitors.map((m) => el('div', {}, `${m.supervisorName || m.supervisorId} `,
      el('span', { class: `badge ${m.mode || m.state}` }, (m.mode || m.state).toLowerCase())))
    : '—';
  const actions = [];
  if (row.state === 'ACTIVE' && !mine) {
    const button = el('button', {
      type: 'button', disabled: !row.monitor.allowed, 'data-action': 'monitor',
      'aria-describedby': row.monitor.allowed ? null : `why-${row.interactionId}`,
      onclick: () => (digitalRow ? monitorDigital(row) : voice.choose(row)),
    }, 'Monitor');
    actions.push(button);
    if (!row.monitor.allowed) {
      actions.push(el('span', { class: 'why', id: `why-${row.interactionId}` }, whyNotSentence(row.monitor.reason)));
    }
  } else if (mine) {
    actions.push(el('span', { class: 'badge ACTIVE' }, 'You are monitoring'));
  }
  if (digitalRow) {
    const expanded = state.expanded.has(row.interactionId);
    actions.push(' ', el('button', {
      type: 'button', class: 'secondary', 'aria-expanded': String(expanded), 'data-action': 'details',
      onclick: () => toggle(row.interactionId),
    }, expanded ? 'Hide details' : 'Details'));
  }
  return el('tr', { class: row.state === 'ENDED' ? 'ended' : '', 'data-interaction': row.interactionId, 'data-channel': row.channel },
    el('td', { class: 'channel', 'data-label': 'Channel' },
      channelIcon(row.channel), ` ${CHANNEL_NAMES[row.channel] || row.channel}`,
      row.newDetails ? el('span', { class: 'dot', title: 'New messages since you last looked', role: 'img', 'aria-label': 'new messages' }) : null),
    el('td', { 'data-label': 'Agent' }, row.agentName || row.agentId),
    el('td', { 'data-label': 'Customer' }, row.customer || ''),
    el('td', { 'data-label': 'Flow' }, row.flowName || row.flowId),
    el('td', { 'data-label': 'Started' }, time(row.startedAt)),
    el('td', { 'data-label': 'Duration', class: 'duration', 'data-from': row.startedAt, 'data-to': row.endedAt || '' },
      duration(row.startedAt, row.endedAt)),
    el('td', { 'data-label': 'State' }, row.state === 'ACTIVE' ? 'Active' : 'Ended'),
    el('td', { 'data-label': 'Monitored by', class: 'monitors' }, monitors),
    el('td', {}, actions));
}

function toggle(interactionId) {
  if (state.expanded.has(interactionId)) {
    state.expanded.delete(interactionId);
    digital.close(interactionId);
  } else {
    state.expanded.add(interactionId);
  }
  render();
}

async function monitorDigital(row) {
  try {
    await api('/api/monitoring/sessions', { method: 'POST', body: { interactionId: row.interactionId } });
    state.expanded.add(row.interactionId);
    await load();
  } catch (e) {
    fail(e);
  }
}

function tick() {
  for (const cell of document.querySelectorAll('td.duration')) {
    if (!cell.dataset.to) cell.textContent = duration(cell.dataset.from);
  }
}

start();
