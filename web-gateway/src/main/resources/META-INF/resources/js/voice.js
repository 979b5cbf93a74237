// Monitoring a voice call: the extension chooser (B20; skipped with a single extension, the last choice
// remembered), dialing progress, and the toolbar that names the call (agent, customer, timer, the row)
// with one Listen / Coach / Barge control showing the mode the phone system confirmed (B23, B29, B50)
// and a separate Hang up (B24). The toolbar goes away by itself when the session ends and says why
// (B25, B26); focus goes to the toolbar when monitoring starts and back to the row when it ends.
import { api } from './api.js';
import { duration, el, fail, level, say, seconds, END_REASONS } from './view.js';

const LAST_EXTENSION = 'im.extension';
const MODE_ACTIONS = { SILENT: 'mute', COACHING: 'coach', BARGED: 'barge' };
const MODE_NAMES = { SILENT: 'Listening (muted)', BARGED: 'Barged in — everyone hears you', COACHING: 'Coaching — only the agent hears you' };
const PENDING_NAMES = { SILENT: 'Muting…', BARGED: 'Barging in…', COACHING: 'Starting to coach…' };

let me;
let session;
let call; // { interactionId, agent, customer, startedAt } of the session's interaction
let chooserRow;
let onChange = () => {};
let focusRow = () => {};

const $ = (id) => document.getElementById(id);
const radios = () => [...document.querySelectorAll('#modes [role=radio]')];

export function init(profile, changed, backToRow) {
  me = profile;
  onChange = changed;
  focusRow = backToRow;
  for (const radio of radios()) {
    radio.addEventListener('click', () => selectMode(radio.dataset.mode));
    radio.addEventListener('keydown', moveInGroup);
  }
  $('hang-up').addEventListener('click', hangUp);
  $('toolbar-row').addEventListener('click', () => call && focusRow(call.interactionId));
  // Cancel is not a submit button, so Enter on an extension starts monitoring (the form's default button)
  $('chooser-cancel').addEventListener('click', () => $('chooser').close('cancel'));
  const live = (profile.liveSessions || []).find((s) => s.channel === 'VOICE');
  if (live) show(live, false);
}

export function current() {
  return session;
}

/** Monitor a call: straight away with a single extension, else the chooser with the last choice preselected. */
export function choose(row) {
  const extensions = me.extensions || [];
  if (extensions.length <= 1) {
    start(row, extensions[0]?.address);
    return;
  }
  const dialog = $('chooser');
  const list = $('extensions');
  const last = localStorage.getItem(LAST_EXTENSION);
  const preselected = extensions.some((x) => x.address === last) ? last : extensions[0].address;
  list.replaceChildren(el('legend', { class: 'visually-hidden' }, 'Your extensions'));
  for (const extension of extensions) {
    list.append(el('label', {},
      el('input', { type: 'radio', name: 'extension', value: extension.address, checked: extension.address === preselected }),
      el('span', {}, `${extension.label} `, el('small', { class: 'hint' }, `${extension.kind} ${extension.address}`))));
  }
  $('chooser-title').textContent = `Monitor ${row.agentName || row.agentId}'s call on which extension?`;
  chooserRow = row;
  dialog.returnValue = '';
  dialog.onclose = () => {
    const forRow = chooserRow;
    chooserRow = undefined;
    if (dialog.returnValue !== 'monitor' || !forRow) return;
    const picked = list.querySelector('input[name=extension]:checked');
    localStorage.setItem(LAST_EXTENSION, picked.value);
    start(forRow, picked.value);
  };
  dialog.showModal();
  list.querySelector('input:checked')?.focus();
}

async function start(row, extension) {
  try {
    const started = await api('/api/monitoring/sessions', {
      method: 'POST', body: { interactionId: row.interactionId, ...(extension ? { extension } : {}) },
    });
    call = { interactionId: row.interactionId, agent: row.agentName || row.agentId, customer: row.customer, startedAt: row.startedAt };
    show(started, true);
    onChange();
  } catch (e) {
    fail(e);
  }
}

/** The chooser closes when its call ended meanwhile (the table saw it end). */
export function rowsChanged(rows) {
  if (!chooserRow) return;
  const row = rows.find((r) => r.interactionId === chooserRow.interactionId);
  if (!row || row.state !== 'ACTIVE') interactionChanged(chooserRow.interactionId);
}

/** One interaction changed (a table event): if the chooser is open for it, check whether it ended. */
export async function interactionChanged(interactionId) {
  if (!chooserRow || chooserRow.interactionId !== interactionId) return;
  try {
    const details = await api(`/api/monitoring/interactions/${encodeURIComponent(interactionId)}`);
    if (details.details.state !== 'ACTIVE') closeChooser();
  } catch (e) {
    if (e.status === 404) closeChooser();
  }
}

function closeChooser() {
  const row = chooserRow;
  chooserRow = undefined;
  $('chooser').close('cancel');
  say(`${row.agentName || row.agentId}'s call ended before you chose an extension.`);
  focusRow(row.interactionId);
}

/** A session event arrived for one of the caller's sessions. */
export async function refresh(sessionId) {
  if (!session || session.sessionId !== sessionId) return;
  try {
    show(await api(`/api/monitoring/sessions/${encodeURIComponent(sessionId)}`), false);
  } catch (e) {
    fail(e);
  }
}

async function describe(next) {
  if (call?.interactionId === next.interactionId) return;
  call = { interactionId: next.interactionId };
  try {
    const d = (await api(`/api/monitoring/interactions/${encodeURIComponent(next.interactionId)}`)).details;
    call = { interactionId: next.interactionId, agent: d.agentName || d.agentId, customer: d.customer, startedAt: d.startedAt };
    name();
  } catch (e) {
    // the toolbar still works without the names
  }
}

function name() {
  $('toolbar-agent').textContent = call?.agent ? `${call.agent}'s call` : 'a call';
  $('toolbar-customer').textContent = call?.customer ? `with ${call.customer}` : '';
  tick();
}

export function tick() {
  const timer = $('toolbar-timer');
  if (!session || !call?.startedAt) {
    timer.textContent = '';
    return;
  }
  timer.textContent = duration(call.startedAt);
  timer.className = `timer ${level(seconds(call.startedAt))}`;
}

function show(next, startedHere) {
  const wasShown = Boolean(session);
  const changed = !session || !next || session.state !== next.state || session.mode !== next.mode
    || session.pendingMode !== next.pendingMode;
  session = next;
  const toolbar = $('toolbar');
  if (!next || next.state === 'ENDED') {
    toolbar.hidden = true;
    $('skip-toolbar').hidden = true;
    if (next) {
      say(`Monitoring ended: ${END_REASONS[next.endReason] || next.endReason}${next.endDetail ? ` (${next.endDetail.toLowerCase().replace(/_/g, ' ')})` : ''}.`);
    }
    const ended = call?.interactionId;
    session = undefined;
    call = undefined;
    onChange();
    if (wasShown && ended && (!document.activeElement || document.activeElement === document.body || toolbar.contains(document.activeElement))) {
      focusRow(ended);
    }
    return;
  }
  describe(next);
  name();
  toolbar.hidden = false;
  $('skip-toolbar').hidden = false;
  if (changed) onChange(); // the table's "Monitored by" and highlighted row follow the toolbar
  if (startedHere) $('toolbar-title').focus();
  const badge = $('toolbar-state');
  const text = $('toolbar-text');
  const mayBarge = me.permissions.includes('BARGE_ALL_CALLS');
  const mayCoach = me.permissions.includes('COACH_CALLS');
  const why = [];
  if (!mayCoach) why.push('Coach: your role does not allow coaching.');
  if (!mayBarge) why.push('Barge: your role does not allow barging; you stay muted.');
  $('modes-why').textContent = why.join(' ');
  $('modes-why').hidden = why.length === 0;
  if (next.state === 'DIALING') {
    badge.textContent = 'Dialing';
    badge.className = 'badge DIALING';
    text.textContent = `Calling your ${next.extension?.label || 'extension'} (${next.extension?.address || ''})… answer to listen in.`;
    for (const radio of radios()) {
      radio.disabled = true;
      radio.removeAttribute('aria-disabled');
      radio.setAttribute('aria-checked', String(radio.dataset.mode === 'SILENT'));
    }
    roving();
    return;
  }
  // B29: the control shows the mode the phone system confirmed; a change still on its way says so
  const pending = next.pendingMode;
  badge.textContent = pending ? PENDING_NAMES[pending] : MODE_NAMES[next.mode];
  badge.className = `badge ${pending ? 'PENDING' : next.mode}`;
  text.textContent = `on your ${next.extension?.label || 'extension'}`;
  if (!pending && next.lastRefusal) {
    say(`The phone system did not change your microphone (${(next.lastRefusal.reason || 'refused').toLowerCase().replace(/_/g, ' ')}); `
      + `you are still ${next.mode === 'BARGED' ? 'barged in' : next.mode === 'COACHING' ? 'coaching' : 'muted'}.`);
  }
  $('modes').setAttribute('aria-busy', String(Boolean(pending)));
  for (const radio of radios()) {
    const mode = radio.dataset.mode;
    radio.setAttribute('aria-checked', String(next.mode === mode));
    const allowed = mode === 'SILENT' || (mode === 'BARGED' ? mayBarge : mayCoach);
    radio.disabled = !allowed;
    // pending: still focusable (a keyboard user keeps their place), but inert until the phone system answers
    radio.setAttribute('aria-disabled', String(Boolean(pending)));
  }
  roving();
}

/** Radio-group keyboard: Tab enters on the checked mode, arrows move between modes, Space/Enter selects. */
function roving() {
  const all = radios();
  const enabled = all.filter((r) => !r.disabled);
  const checked = enabled.find((r) => r.getAttribute('aria-checked') === 'true') || enabled[0];
  const focused = all.includes(document.activeElement) ? document.activeElement : null;
  for (const r of all) r.tabIndex = r === (focused && !focused.disabled ? focused : checked) ? 0 : -1;
}

function moveInGroup(event) {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (!step) return;
  event.preventDefault();
  const enabled = radios().filter((r) => !r.disabled);
  const at = enabled.indexOf(event.currentTarget);
  const next = enabled[(at + step + enabled.length) % enabled.length];
  for (const r of radios()) r.tabIndex = r === next ? 0 : -1;
  next?.focus();
}

async function selectMode(mode) {
  if (!session || session.state !== 'ACTIVE' || session.pendingMode || session.mode === mode) return;
  try {
    show(await api(`/api/monitoring/sessions/${encodeURIComponent(session.sessionId)}/${MODE_ACTIONS[mode]}`, { method: 'POST' }), false);
  } catch (e) {
    fail(e);
  }
}

async function hangUp() {
  if (!session) return;
  try {
    show(await api(`/api/monitoring/sessions/${encodeURIComponent(session.sessionId)}`, { method: 'DELETE' }), false);
  } catch (e) {
    fail(e);
  }
}
