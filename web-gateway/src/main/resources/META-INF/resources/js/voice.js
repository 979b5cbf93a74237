// Monitoring a voice call: the extension chooser (B20), dialing progress, and the toolbar with
// microphone (barge, B23), coach (B50) and hang-up (B24). The toolbar goes away by itself when the
// session ends and says why (B25, B26).
import { api } from './api.js';
import { el, fail, say, END_REASONS } from './view.js';

let me;
let session;
let onChange = () => {};

export function init(profile, changed) {
  me = profile;
  onChange = changed;
  document.getElementById('mic').addEventListener('click', toggleMic);
  document.getElementById('coach').addEventListener('click', toggleCoach);
  document.getElementById('hang-up').addEventListener('click', hangUp);
  const live = (profile.liveSessions || []).find((s) => s.channel === 'VOICE');
  if (live) {
    show(live);
  }
}

export function current() {
  return session;
}

/** Opens the chooser with the supervisor's extensions in their configured order, then starts. */
export function choose(row) {
  const dialog = document.getElementById('chooser');
  const list = document.getElementById('extensions');
  list.replaceChildren(el('legend', { class: 'visually-hidden' }, 'Your extensions'));
  me.extensions.forEach((extension, index) => {
    list.append(el('label', {},
      el('input', { type: 'radio', name: 'extension', value: extension.address, checked: index === 0 }),
      el('span', {}, `${extension.label} `, el('small', { class: 'hint' }, `${extension.kind} ${extension.address}`))));
  });
  document.getElementById('chooser-title').textContent = `Monitor ${row.agentName || row.agentId}'s call on which extension?`;
  dialog.returnValue = '';
  dialog.onclose = async () => {
    if (dialog.returnValue !== 'monitor') return;
    const picked = list.querySelector('input[name=extension]:checked');
    try {
      const started = await api('/api/monitoring/sessions', {
        method: 'POST', body: { interactionId: row.interactionId, extension: picked.value },
      });
      show(started);
      onChange();
    } catch (e) {
      fail(e);
    }
  };
  dialog.showModal();
  list.querySelector('input')?.focus();
}

/** A session event arrived for one of the caller's sessions. */
export async function refresh(sessionId) {
  if (!session || session.sessionId !== sessionId) return;
  try {
    show(await api(`/api/monitoring/sessions/${encodeURIComponent(sessionId)}`));
  } catch (e) {
    fail(e);
  }
}

function show(next) {
  const changed = !session || !next || session.state !== next.state || session.mode !== next.mode
    || session.pendingMode !== next.pendingMode;
  session = next;
  const toolbar = document.getElementById('toolbar');
  if (!next || next.state === 'ENDED') {
    toolbar.hidden = true;
    if (next) {
      say(`Monitoring ended: ${END_REASONS[next.endReason] || next.endReason}${next.endDetail ? ` (${next.endDetail.toLowerCase().replace(/_/g, ' ')})` : ''}.`);
    }
    session = undefined;
    onChange();
    return;
  }
  say('');
  toolbar.hidden = false;
  if (changed) onChange(); // the table's "Monitored by" follows the toolbar
  const state = document.getElementById('toolbar-state');
  const text = document.getElementById('toolbar-text');
  const mic = document.getElementById('mic');
  const coach = document.getElementById('coach');
  const mayBarge = me.permissions.includes('BARGE_ALL_CALLS');
  const mayCoach = me.permissions.includes('COACH_CALLS');
  if (next.state === 'DIALING') {
    state.textContent = 'Dialing';
    state.className = 'badge DIALING';
    text.textContent = `Calling your ${next.extension?.label || 'extension'} (${next.extension?.address || ''})… answer to listen in.`;
    mic.disabled = true;
    coach.hidden = true;
    return;
  }
  // B29: the badge shows the mode the phone system confirmed; a change still on its way says so
  const pending = next.pendingMode;
  state.textContent = pending
    ? { SILENT: 'Muting…', BARGED: 'Unmuting…', COACHING: 'Starting to coach…' }[pending]
    : { SILENT: 'Listening (muted)', BARGED: 'Barged in — everyone hears you', COACHING: 'Coaching — only the agent hears you' }[next.mode];
  state.className = `badge ${next.mode}`;
  text.textContent = `on ${next.extension?.label || 'your extension'}`;
  if (!pending && next.lastRefusal) {
    say(`The phone system did not change your microphone (${(next.lastRefusal.reason || 'refused').toLowerCase().replace(/_/g, ' ')}); `
      + `you are still ${next.mode === 'BARGED' ? 'barged in' : next.mode === 'COACHING' ? 'coaching' : 'muted'}.`);
  }
  mic.setAttribute('aria-pressed', String(next.mode === 'BARGED'));
  if (!mayBarge) {
    mic.disabled = true;
    mic.textContent = 'Muted (locked) — your role does not allow barging';
  } else {
    mic.disabled = Boolean(pending);
    mic.textContent = next.mode === 'BARGED' ? 'Microphone on — mute again' : 'Muted — unmute to barge';
  }
  coach.hidden = !mayCoach;
  coach.disabled = Boolean(pending);
  coach.setAttribute('aria-pressed', String(next.mode === 'COACHING'));
  coach.textContent = next.mode === 'COACHING' ? 'Stop coaching' : 'Coach agent';
}

async function change(action) {
  try {
    show(await api(`/api/monitoring/sessions/${encodeURIComponent(session.sessionId)}/${action}`, { method: 'POST' }));
  } catch (e) {
    fail(e);
  }
}

function toggleMic() {
  if (session) change(session.mode === 'BARGED' ? 'mute' : 'barge');
}

function toggleCoach() {
  if (session) change(session.mode === 'COACHING' ? 'mute' : 'coach');
}

async function hangUp() {
  if (!session) return;
  try {
    show(await api(`/api/monitoring/sessions/${encodeURIComponent(session.sessionId)}`, { method: 'DELETE' }));
  } catch (e) {
    fail(e);
  }
}
