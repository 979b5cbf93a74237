// The agents view (issue 14): the team's agents with their state (on an interaction, available; logged
// into the agent desktop), how long, long durations highlighted, and Monitor on the current interaction
// with the same rules and reasons as the table (B52). Refreshed on the monitoring stream's table events.
// After-call work is not shown: no event tells it.
import { api } from './api.js';
import { ALERT_SECONDS, CHANNEL_NAMES, channelIcon, duration, el, fail, level, monitorButton, seconds, WARN_SECONDS } from './view.js';

const PAGE_SIZE = 25;
let visible = false;
let page = 0;
let onMonitor = () => {};
let timer;
let loaded = false;

export function init(monitor) {
  onMonitor = monitor;
  document.getElementById('agents-prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  document.getElementById('agents-next').addEventListener('click', () => { page += 1; load(); });
}

/** The view became visible (load it) or hidden (stop refreshing it). */
export function shown(on) {
  visible = on;
  if (on) load();
}

// B51 at scale: table events come often; the view is read again at most every REFRESH_MS, and not while the
// tab is hidden (it is read when shown again)
const REFRESH_MS = 3000;
let lastLoad = 0;

/** A table event: refresh soon if the view is visible (throttled). */
export function schedule() {
  if (!visible || document.hidden) {
    loaded = false;
    return;
  }
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    if (document.hidden) {
      loaded = false;
      return;
    }
    lastLoad = Date.now();
    load();
  }, Math.max(500, lastLoad + REFRESH_MS - Date.now()));
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && visible && !loaded) schedule();
});

async function load() {
  let answer;
  try {
    answer = await api(`/api/monitoring/agents?page=${page}&size=${PAGE_SIZE}`);
  } catch (e) {
    if (e.status === 404) {
      document.getElementById('agents-summary').textContent = 'The agents view is not available on this server yet.';
      return;
    }
    fail(e);
    return;
  }
  loaded = true;
  const counts = answer.counts || {};
  document.getElementById('agents-summary').textContent =
    `On an interaction ${counts.onInteraction ?? '–'} · Available ${counts.available ?? '–'}`;
  document.getElementById('agents-page-label').textContent = `Page ${page + 1}`;
  document.getElementById('agents-prev').disabled = page === 0;
  document.getElementById('agents-next').disabled = !answer.hasMore;
  const body = document.getElementById('agent-rows');
  const focused = document.activeElement;
  const focusedAgent = focused?.closest?.('tr[data-agent]')?.dataset.agent;
  const focusedAction = focused?.dataset?.action;
  body.replaceChildren(...answer.items.map(agentRow));
  document.getElementById('agents-empty').hidden = answer.items.length > 0;
  if (focusedAgent && !focused.isConnected) {
    const tr = body.querySelector(`tr[data-agent="${CSS.escape(focusedAgent)}"]`);
    ((focusedAction && tr?.querySelector(`[data-action="${focusedAction}"]:not([disabled])`)) || tr)?.focus({ preventScroll: true });
  }
}

function agentRow(agent) {
  const on = agent.state === 'ON_INTERACTION';
  const secs = seconds(agent.since);
  const l = on ? level(secs) : '';
  const interactions = agent.interactions.length
    ? agent.interactions.map((row) => el('div', { class: 'agent-interaction', 'data-interaction': row.interactionId },
      channelIcon(row.channel), ` ${CHANNEL_NAMES[row.channel] || row.channel} · ${row.customer || ''} `,
      row.monitors.length ? el('span', { class: 'hint' }, `monitored by ${row.monitors.map((m) => m.supervisorName || m.supervisorId).join(', ')} `) : null,
      ...monitorButton(row, onMonitor)))
    : '—';
  return el('tr', { 'data-agent': agent.agentId, 'data-state': agent.state, tabindex: '-1' },
    el('td', { 'data-label': 'Agent' }, agent.agentName || agent.agentId,
      el('span', { class: 'hint block' }, agent.loggedIn ? 'Logged into the agent desktop' : 'Not logged into the desktop')),
    el('td', { 'data-label': 'State' }, el('span', { class: `badge ${on ? 'ON_INTERACTION' : 'AVAILABLE'}` }, on ? 'On an interaction' : 'Available')),
    el('td', { 'data-label': 'For', class: `agent-timer ${l}`, 'data-from': agent.since || '', 'data-on': String(on) },
      agent.since ? duration(agent.since) : '—', longMark(l)),
    el('td', { 'data-label': 'Current interaction' }, interactions));
}

function longMark(l) {
  if (!l) return null;
  return el('span', { class: `long ${l}` }, ` over ${(l === 'alert' ? ALERT_SECONDS : WARN_SECONDS) / 60} min`);
}

/** Every second: timers and their highlighting. */
export function tick() {
  if (!visible || !loaded) return;
  for (const cell of document.querySelectorAll('td.agent-timer[data-from]')) {
    if (!cell.dataset.from) continue;
    const l = cell.dataset.on === 'true' ? level(seconds(cell.dataset.from)) : '';
    cell.replaceChildren(duration(cell.dataset.from), longMark(l) || '');
    cell.classList.toggle('warn', l === 'warn');
    cell.classList.toggle('alert', l === 'alert');
  }
}
