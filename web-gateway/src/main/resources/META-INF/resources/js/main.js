// The supervisor's workspace: who is signed in, the live-first interactions table (B10–B13, B51) with
// sort, search and filters kept in the URL, updated in place; the agents view; the monitor actions with
// their reasons (B52); a page of its own for users without monitoring permission.
import { api, whyNotReviewSentence } from './api.js';
import { claims, signIn, signOut } from './auth.js';
import * as agents from './agents.js';
import * as digital from './digital.js';
import { follow } from './sse.js';
import * as voice from './voice.js';
import { CHANNEL_NAMES, channelIcon, duration, el, fail, level, monitorButton, seconds, time } from './view.js';

const NARROW = window.matchMedia('(max-width: 760px)');
const PAGE_SIZE = NARROW.matches ? 10 : 25;
const SEARCH_DEBOUNCE_MS = 300;
const SORTS = ['startedAt', 'agentName', 'customer', 'channel'];
const DEFAULT_SORT = '-startedAt';
const COLUMNS = 9;

const state = {
  query: readQuery(),
  page: null, // the last answer: items, hasMore, total, counts
  rows: [],
  me: null,
  expanded: new Set(),
  reviews: new Map(), // interactionId -> expiresAt of the caller's review (B34)
};
const nodes = new Map(); // interactionId -> { tr, key }
const detailNodes = new Map(); // interactionId -> tr
const groupNodes = {};

/** The table's query from the address bar: reload and shared links restore filters, sort, search, page. */
function readQuery() {
  const params = new URLSearchParams(location.search);
  const sort = params.get('sort') || DEFAULT_SORT;
  const page = Number.parseInt(params.get('page') || '1', 10);
  return {
    q: (params.get('q') || '').trim().slice(0, 64),
    channel: ['VOICE', 'CHAT', 'SMS', 'MESSAGING'].includes(params.get('channel')) ? params.get('channel') : '',
    state: ['ACTIVE', 'ENDED'].includes(params.get('state')) ? params.get('state') : '',
    sort: SORTS.includes(sort.replace(/^-/, '')) ? sort : DEFAULT_SORT,
    page: Number.isFinite(page) && page >= 1 && page <= 10000 ? page - 1 : 0,
    view: params.get('view') === 'agents' ? 'agents' : 'interactions',
  };
}

function writeQuery() {
  const q = state.query;
  const params = new URLSearchParams();
  if (q.view !== 'interactions') params.set('view', q.view);
  if (q.q) params.set('q', q.q);
  if (q.channel) params.set('channel', q.channel);
  if (q.state) params.set('state', q.state);
  if (q.sort !== DEFAULT_SORT) params.set('sort', q.sort);
  if (q.page) params.set('page', String(q.page + 1));
  const search = params.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

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
  if (!state.me.permissions.includes('MONITOR_ALL_CALLS')) {
    noPermission();
    return;
  }
  document.getElementById('workspace').hidden = false;
  voice.init(state.me, () => load(), focusRow);
  agents.init(monitor);
  wireFilters();
  wireSort();
  wireTabs();
  await load();
  follow('/api/monitoring/stream', (name, data) => {
    if (name === 'table') {
      agents.schedule();
      let changed = {};
      try {
        changed = JSON.parse(data || '{}');
      } catch (e) {
        // an older stream sends no body
      }
      if (changed.row || changed.removed) {
        applyDelta(changed);
      } else if (changed.interactionId) {
        refreshPage(); // an older server names the row only
        voice.interactionChanged(changed.interactionId);
      } else {
        refreshAll(); // more changed than could be sent (or the caller's permissions): read everything again
      }
    }
    if (name === 'session') voice.refresh(JSON.parse(data).sessionId).then(schedule);
  }, (on, status) => {
    // (re)connected: what changed while the stream was not open is read once (no event is lost)
    if (on) {
      schedule();
      agents.schedule();
    }
    const live = document.getElementById('live');
    live.classList.toggle('on', on);
    live.textContent = on ? '● live' : (status === 403 ? 'no permission to monitor' : '○ reconnecting…');
  });
  setInterval(tick, 1000);
  setInterval(() => { if (!document.hidden) load(); }, 30000); // safety net; changes arrive by the stream
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && pendingRefresh) throttledRefresh();
  });
}

/** Agents and other users without MONITOR_ALL_CALLS: a page that says so; no table, paging or stream. */
function noPermission() {
  const section = document.getElementById('no-permission');
  section.hidden = false;
  if (state.me.loggedInAsAgent) {
    document.getElementById('no-permission-text').textContent = 'You are signed in to the agent desktop, and your role does not '
      + 'include permission to monitor interactions, so there is no table or team view to show you.';
  }
  document.getElementById('skip-main').textContent = 'Skip to the content';
}

let timer;
/** Soon: the page and the caller (/me) — after (re)connecting, the caller's own session events, a refetch. */
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(load, 250);
}

// B51 at scale: a table event carries the changed row; rows the page does not show (a new interaction, a row
// that moved out of the page's order or filter) come with a page refresh at most every REFRESH_MS, and none
// while the tab is hidden (it refreshes when shown again).
const REFRESH_MS = 3000;
let lastRefresh = 0;
let refreshTimer;
let pendingRefresh = null; // 'page' or 'all' (with /me)

function refreshPage() {
  if (pendingRefresh !== 'all') pendingRefresh = 'page';
  throttledRefresh();
}

function refreshAll() {
  pendingRefresh = 'all';
  throttledRefresh();
}

function throttledRefresh() {
  if (refreshTimer || !pendingRefresh || document.hidden) return;
  const wait = Math.max(0, lastRefresh + REFRESH_MS - Date.now());
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    if (document.hidden || !pendingRefresh) return;
    const withMe = pendingRefresh === 'all';
    pendingRefresh = null;
    lastRefresh = Date.now();
    load({ withMe });
  }, wait);
}

/** Whether {@code row} passes the page's filters that a row can stop passing (state, channel). */
function matchesFilters(row) {
  const q = state.query;
  return (!q.state || row.state === q.state) && (!q.channel || row.channel === q.channel);
}

// interactionId -> 'active' | 'previouslyMonitored' for rows seen in a page or an event (bounded)
const knownGroups = new Map();
const KNOWN_MAX = 5000;
let lastQuery = null;

function remember(interactionId, row) {
  if (!row) {
    knownGroups.delete(interactionId);
    return;
  }
  if (knownGroups.size >= KNOWN_MAX) knownGroups.clear();
  knownGroups.set(interactionId, countKey(row));
}

function countKey(row) {
  return row.state === 'ACTIVE' ? 'active' : 'previouslyMonitored';
}

/** A row left (removed) or entered the counted set, or moved between live and previously monitored. */
function recount(before, after) {
  const counts = state.page?.counts;
  if (!counts) return;
  const q = state.query;
  if (before) counts[countKey(before)] = Math.max(0, counts[countKey(before)] - 1);
  if (after) counts[countKey(after)] += 1;
  const counted = (r) => r && (!q.state || r.state === q.state);
  if (state.page.total !== undefined) state.page.total += (counted(after) ? 1 : 0) - (counted(before) ? 1 : 0);
}

/**
 * A table event with the row (as this caller sees it) or its removal: a row on this page is patched in place
 * (no request); anything that can add or reorder rows schedules a throttled page refresh.
 */
function applyDelta(changed) {
  const index = state.rows.findIndex((r) => r.interactionId === changed.interactionId);
  const before = index >= 0 ? state.rows[index] : null;
  const after = changed.removed ? null : changed.row;
  const known = knownGroups.get(changed.interactionId);
  remember(changed.interactionId, after && matchesFilters(after) ? after : null);
  if (!before) {
    // not on this page. Known, still in the same group: on another page, where it stays (the sort keys do not
    // change). New, moved between live and previously monitored, or gone: only a refresh can tell the page.
    if (after ? matchesFilters(after) && known !== countKey(after) : known !== undefined) refreshPage();
    if (!after) voice.interactionChanged(changed.interactionId);
    return;
  }
  const rows = [...state.rows];
  if (after && matchesFilters(after)) {
    rows[index] = after;
    if (countKey(before) !== countKey(after)) {
      recount(before, after);
      refreshPage(); // live rows come first (B13): it moves to the other group
    }
  } else {
    rows.splice(index, 1);
    recount(before, after); // counts apply every filter but the state (B13)
    refreshPage(); // a row of another page moves up into this one
  }
  state.rows = rows;
  state.page.items = rows;
  showSummary(state.page);
  render();
  voice.rowsChanged(state.rows);
}

function wireFilters() {
  const form = document.getElementById('filters');
  for (const name of ['q', 'channel', 'state']) form.elements[name].value = state.query[name];
  form.addEventListener('submit', (e) => e.preventDefault());
  let searchTimer;
  form.addEventListener('input', (event) => {
    const apply = () => {
      state.query.q = form.elements.q.value.trim().slice(0, 64);
      state.query.channel = form.elements.channel.value;
      state.query.state = form.elements.state.value;
      state.query.page = 0;
      writeQuery();
      load();
    };
    clearTimeout(searchTimer);
    if (event.target.name === 'q') searchTimer = setTimeout(apply, SEARCH_DEBOUNCE_MS);
    else apply();
  });
  document.getElementById('prev').addEventListener('click', () => { state.query.page = Math.max(0, state.query.page - 1); writeQuery(); load(); });
  document.getElementById('next').addEventListener('click', () => { state.query.page += 1; writeQuery(); load(); });
}

/** Sortable column headers: a button in each, aria-sort on the sorted one. */
function wireSort() {
  for (const th of document.querySelectorAll('table.interactions th[data-sort]')) {
    const label = th.textContent;
    const button = el('button', { type: 'button', class: 'sort', 'data-sort': th.dataset.sort },
      label, el('span', { class: 'sort-mark', 'aria-hidden': 'true' }, ''));
    button.addEventListener('click', () => {
      const field = th.dataset.sort;
      const current = state.query.sort;
      if (current.replace(/^-/, '') === field) state.query.sort = current.startsWith('-') ? field : `-${field}`;
      else state.query.sort = field === 'startedAt' ? '-startedAt' : field;
      state.query.page = 0;
      writeQuery();
      showSort();
      load();
    });
    th.replaceChildren(button);
  }
  showSort();
}

function showSort() {
  const field = state.query.sort.replace(/^-/, '');
  const descending = state.query.sort.startsWith('-');
  for (const th of document.querySelectorAll('table.interactions th[data-sort]')) {
    const sorted = th.dataset.sort === field;
    if (sorted) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    else th.removeAttribute('aria-sort');
    th.querySelector('.sort-mark').textContent = sorted ? (descending ? ' ▼' : ' ▲') : ' ↕';
  }
}

/** Interactions | Agents as tabs (arrow keys move between them). */
function wireTabs() {
  const tabs = [document.getElementById('tab-interactions'), document.getElementById('tab-agents')];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    state.query.view = tab.id === 'tab-agents' ? 'agents' : 'interactions';
    writeQuery();
    agents.shown(state.query.view === 'agents');
    if (focus) tab.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        select(tabs[(i + 1) % tabs.length], true);
      }
    });
  });
  select(state.query.view === 'agents' ? tabs[1] : tabs[0], false);
}

/** The page (and, unless {@code withMe} is false, what the console knows of the caller: /me). */
async function load({ withMe = true } = {}) {
  const q = state.query;
  const query = new URLSearchParams({ page: q.page, size: PAGE_SIZE, sort: q.sort });
  for (const name of ['q', 'channel', 'state']) if (q[name]) query.set(name, q[name]);
  let page;
  try {
    [page, state.me] = await Promise.all([api(`/api/monitoring/interactions?${query}`),
      withMe ? api('/api/monitoring/me') : Promise.resolve(state.me)]);
  } catch (e) {
    fail(e);
    return;
  }
  state.page = page;
  state.rows = page.items;
  if (query.toString() !== lastQuery) knownGroups.clear(); // other filters: what is on other pages changed
  lastQuery = query.toString();
  for (const row of page.items) remember(row.interactionId, row);
  const pages = page.total !== undefined ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : null;
  document.getElementById('page-label').textContent = pages ? `Page ${q.page + 1} of ${pages}` : `Page ${q.page + 1}`;
  document.getElementById('prev').disabled = q.page === 0;
  document.getElementById('next').disabled = !page.hasMore;
  showSummary(page);
  render();
  voice.rowsChanged(state.rows);
}

function showSummary(page) {
  const counts = page.counts;
  const parts = [];
  if (counts) parts.push(`Live ${counts.active}`, `Previously monitored ${counts.previouslyMonitored}`);
  if (page.total !== undefined) parts.push(`${page.total} matching`);
  document.getElementById('summary').textContent = parts.join(' · ');
}

/** Patches the table in place: unchanged rows keep their nodes, so focus, scroll and open details stay. */
function render() {
  const body = document.getElementById('rows');
  const focused = document.activeElement;
  const focusedRow = focused?.closest?.('tr[data-interaction]')?.dataset.interaction;
  const focusedAction = focused?.dataset?.action;
  const wanted = [];
  let group = null;
  for (const row of state.rows) {
    const g = row.state === 'ACTIVE' ? 'live' : 'ended';
    if (g !== group) {
      wanted.push(groupRow(g));
      group = g;
    }
    wanted.push(rowNode(row));
    if (state.expanded.has(row.interactionId)) wanted.push(detailsNode(row));
  }
  for (const id of [...state.expanded]) {
    if (!state.rows.some((r) => r.interactionId === id)) {
      state.expanded.delete(id);
      digital.close(id);
      detailNodes.delete(id);
    }
  }
  for (const id of [...nodes.keys()]) {
    if (!state.rows.some((r) => r.interactionId === id)) nodes.delete(id);
  }
  const keep = new Set(wanted);
  for (const child of [...body.children]) if (!keep.has(child)) child.remove();
  wanted.forEach((node, i) => {
    if (body.children[i] !== node) body.insertBefore(node, body.children[i] || null);
  });
  document.getElementById('empty').hidden = state.rows.length > 0;
  // a node that moved, or a row whose cells were redrawn, gets its focus back
  if (focused && focused !== document.body && document.activeElement !== focused) {
    if (focused.isConnected) {
      focused.focus({ preventScroll: true });
    } else if (focusedRow) {
      const tr = nodes.get(focusedRow)?.tr;
      const again = (focusedAction && tr?.querySelector(`[data-action="${focusedAction}"]:not([disabled])`)) || tr;
      again?.focus({ preventScroll: true });
    }
  }
}

function groupRow(g) {
  const counts = state.page?.counts;
  const count = counts ? (g === 'live' ? counts.active : counts.previouslyMonitored) : null;
  const text = `${g === 'live' ? 'Live' : 'Previously monitored'}${count !== null && count !== undefined ? ` · ${count}` : ''}`;
  if (!groupNodes[g]) {
    groupNodes[g] = el('tr', { class: `group ${g}`, 'data-group': g }, el('th', { colspan: String(COLUMNS), scope: 'colgroup' }));
  }
  groupNodes[g].firstChild.textContent = text;
  return groupNodes[g];
}

function rowNode(row) {
  const current = voice.current();
  const key = JSON.stringify([row, state.expanded.has(row.interactionId), current?.interactionId === row.interactionId,
    state.me.userId, state.reviews.has(row.interactionId)]);
  const cached = nodes.get(row.interactionId);
  if (cached && cached.key === key) return cached.tr;
  const fresh = renderRow(row);
  if (cached) {
    // the same <tr> with new cells: the row keeps its place and anything the reader attached to it
    for (const name of ['class', 'aria-current', 'data-state']) {
      if (fresh.hasAttribute(name)) cached.tr.setAttribute(name, fresh.getAttribute(name));
      else cached.tr.removeAttribute(name);
    }
    cached.tr.replaceChildren(...fresh.childNodes);
    cached.key = key;
    if (detailNodes.has(row.interactionId)) digital.update(row, state.me, load);
    return cached.tr;
  }
  nodes.set(row.interactionId, { tr: fresh, key });
  return fresh;
}

function detailsNode(row) {
  let tr = detailNodes.get(row.interactionId);
  if (!tr) {
    const cell = el('td', { colspan: String(COLUMNS) }, 'Loading details…');
    tr = el('tr', { class: 'details', 'data-details-for': row.interactionId, id: `details-${row.interactionId}` }, cell);
    detailNodes.set(row.interactionId, tr);
    digital.render(row, cell, state.me, load, state.reviews.get(row.interactionId));
  }
  return tr;
}

function renderRow(row) {
  const digitalRow = row.channel !== 'VOICE';
  const mine = row.monitors.find((m) => m.supervisorId === state.me.userId);
  const current = voice.current()?.interactionId === row.interactionId;
  const monitors = row.monitors.length
    ? row.monitors.map((m) => el('div', {}, `${m.supervisorName || m.supervisorId} `,
      el('span', { class: `badge ${m.mode || m.state}` }, (m.mode || m.state).toLowerCase())))
    : '—';
  const actions = [];
  if (row.state === 'ACTIVE' && !mine) {
    actions.push(...monitorButton(row, monitor));
  } else if (mine) {
    actions.push(el('span', { class: 'badge ACTIVE' }, 'You are monitoring'));
  }
  if (digitalRow && row.state === 'ENDED' && row.review && !state.reviews.has(row.interactionId)) {
    if (row.review.allowed) {
      actions.push(' ', el('button', {
        type: 'button', class: 'secondary', 'data-action': 'review', onclick: () => review(row),
      }, 'Review transcript'));
    } else if (row.review.reason) {
      actions.push(el('span', { class: 'why' }, whyNotReviewSentence(row.review.reason)));
    }
  }
  if (digitalRow) {
    const expanded = state.expanded.has(row.interactionId);
    actions.push(' ', el('button', {
      type: 'button', class: 'secondary', 'aria-expanded': String(expanded), 'data-action': 'details',
      'aria-controls': expanded ? `details-${row.interactionId}` : null,
      onclick: () => toggle(row.interactionId),
    }, expanded ? 'Hide details' : 'Details'));
  }
  const customer = row.customer || '';
  return el('tr', {
    class: `${row.state === 'ENDED' ? 'ended' : 'active'}${current ? ' current' : ''}`,
    'data-interaction': row.interactionId, 'data-channel': row.channel, 'data-state': row.state,
    id: `row-${row.interactionId}`, tabindex: '-1', 'aria-current': current ? 'true' : null,
  },
  el('td', { class: 'channel', 'data-label': 'Channel' },
    channelIcon(row.channel), ` ${CHANNEL_NAMES[row.channel] || row.channel}`,
    row.newDetails ? el('span', { class: 'dot', title: 'New messages since you last looked', role: 'img', 'aria-label': 'new messages' }) : null),
  el('td', { class: 'agent', 'data-label': 'Agent' }, row.agentName || row.agentId),
  el('td', { class: 'customer', 'data-label': 'Customer' }, customer),
  el('td', { class: 'wide-only', 'data-label': 'Flow' }, row.flowName || row.flowId),
  el('td', { class: 'wide-only', 'data-label': 'Started' }, time(row.startedAt)),
  el('td', {
    'data-label': 'Duration', class: `duration ${row.endedAt ? '' : level(seconds(row.startedAt))}`,
    'data-from': row.startedAt, 'data-to': row.endedAt || '',
  }, duration(row.startedAt, row.endedAt)),
  el('td', { class: 'wide-only', 'data-label': 'State' }, row.state === 'ACTIVE' ? 'Live' : 'Ended'),
  el('td', { 'data-label': 'Monitored by', class: 'monitors wide-only' }, monitors),
  el('td', { class: 'actions' }, actions));
}

function monitor(row) {
  return row.channel !== 'VOICE' ? monitorDigital(row) : voice.choose(row);
}

function toggle(interactionId) {
  if (state.expanded.has(interactionId)) {
    state.expanded.delete(interactionId);
    digital.close(interactionId);
    detailNodes.delete(interactionId);
  } else {
    state.expanded.add(interactionId);
  }
  render();
}

async function monitorDigital(row) {
  try {
    await api('/api/monitoring/sessions', { method: 'POST', body: { interactionId: row.interactionId } });
    // the details open with the live transcript
    if (state.expanded.has(row.interactionId)) {
      digital.close(row.interactionId);
      detailNodes.get(row.interactionId)?.remove();
      detailNodes.delete(row.interactionId);
    }
    state.expanded.add(row.interactionId);
    await load(); // the focus stays on the row (its Monitor button became "You are monitoring")
  } catch (e) {
    fail(e);
  }
}

/** B34: an explicit, audited review of an ended chat that was monitored; the transcript opens read-only. */
async function review(row) {
  try {
    const started = await api(`/api/monitoring/interactions/${encodeURIComponent(row.interactionId)}/review`, { method: 'POST' });
    state.reviews.set(row.interactionId, started.expiresAt);
    digital.close(row.interactionId);
    detailNodes.get(row.interactionId)?.remove();
    detailNodes.delete(row.interactionId);
    state.expanded.add(row.interactionId);
    render();
    nodes.get(row.interactionId)?.tr.querySelector('[data-action="details"]')?.focus();
  } catch (e) {
    fail(e);
  }
}

/** Focus back on a row (monitoring ended); the table's top when the row is not on this page. */
function focusRow(interactionId) {
  const tr = nodes.get(interactionId)?.tr;
  if (tr?.isConnected) tr.focus();
  else document.getElementById('main').focus();
}

function tick() {
  for (const cell of document.querySelectorAll('td.duration')) {
    if (!cell.dataset.to) {
      cell.textContent = duration(cell.dataset.from);
      const l = level(seconds(cell.dataset.from));
      cell.classList.toggle('warn', l === 'warn');
      cell.classList.toggle('alert', l === 'alert');
    }
  }
  voice.tick();
  agents.tick();
}

start();
