// A digital row's details (B32): Interaction Details, Active Participants, Interaction Monitors,
// and — while the caller monitors it — the live, read-only transcript (B30, B31, B51), with
// End Monitoring (B33); or the transcript of an ended chat under review (B34). The transcript sticks
// to the newest message unless the reader scrolled up ("N new messages"); table updates refresh the
// details around it, never the transcript itself; a chat that ends while monitored keeps its
// transcript with a notice.
import { api } from './api.js';
import { follow } from './sse.js';
import { CHANNEL_NAMES, el, fail, time } from './view.js';

const REVIEW_PAGE = 200;
const open = new Map(); // interactionId -> { cell, info, reading, transcript, stop, seen, unseen, more, live }

export function close(interactionId) {
  open.get(interactionId)?.stop?.();
  open.delete(interactionId);
}

/** Renders the details of a row into {@code cell} once; {@link update} refreshes them afterwards. */
export async function render(row, cell, me, changed, reviewUntil) {
  const entry = { cell, seen: new Set(), unseen: 0 };
  open.set(row.interactionId, entry);
  let details;
  try {
    details = await api(`/api/monitoring/interactions/${encodeURIComponent(row.interactionId)}`);
  } catch (e) {
    cell.replaceChildren(el('p', { class: 'why' }, e.message));
    return;
  }
  if (open.get(row.interactionId) !== entry) return; // closed meanwhile
  entry.info = info(details);
  entry.reading = el('div', { class: 'reading' });
  cell.replaceChildren(entry.info, entry.reading);
  const mine = details.monitors.find((m) => m.supervisorId === me.userId);
  if (mine) {
    live(row.interactionId, entry, mine, changed);
  } else if (reviewUntil) {
    review(row.interactionId, entry, reviewUntil, changed);
  }
}

/** The row changed: refresh the details around the transcript; the transcript stays as it is. */
export async function update(row, me, changed) {
  const entry = open.get(row.interactionId);
  if (!entry?.info) return;
  let details;
  try {
    details = await api(`/api/monitoring/interactions/${encodeURIComponent(row.interactionId)}`);
  } catch (e) {
    return; // the next update tries again; the open transcript is not touched
  }
  const fresh = info(details);
  entry.info.replaceWith(fresh);
  entry.info = fresh;
  const mine = details.monitors.find((m) => m.supervisorId === me.userId);
  if (mine && !entry.live) {
    live(row.interactionId, entry, mine, changed);
  } else if (!mine && entry.live) {
    // the session ended without the reader asking (the chat ended, a permission was removed): keep what was read
    entry.stop?.();
    entry.stop = null;
    entry.live = false;
    entry.endButton?.remove();
    notice(entry, details.details.state === 'ENDED'
      ? 'The chat has ended, and with it your monitoring. The transcript stays here until you close the details.'
      : 'Your monitoring has ended. The transcript stays here until you close the details.');
  }
}

function info(details) {
  const d = details.details;
  return el('div', { class: 'details-grid' },
    el('section', {}, el('h3', {}, 'Interaction Details'), el('dl', {},
      el('dt', {}, 'Channel'), el('dd', {}, CHANNEL_NAMES[d.channel] || d.channel),
      el('dt', {}, 'Flow'), el('dd', {}, d.flowName || d.flowId),
      el('dt', {}, 'Customer'), el('dd', {}, d.customer || ''),
      el('dt', {}, 'Agent'), el('dd', {}, d.agentName || d.agentId),
      el('dt', {}, 'Started'), el('dd', {}, time(d.startedAt)),
      el('dt', {}, 'State'), el('dd', {}, d.state === 'ACTIVE' ? 'Live' : `Ended ${time(d.endedAt)}`))),
    el('section', {}, el('h3', {}, 'Active Participants'), el('ul', {},
      details.participants.length ? details.participants.map((p) => el('li', {}, `${p.displayName || p.participantId} (${p.role.toLowerCase()})`))
        : el('li', {}, 'Nobody'))),
    el('section', {}, el('h3', {}, 'Interaction Monitors'), el('ul', {},
      details.monitors.length ? details.monitors.map((m) => el('li', {}, `${m.supervisorName || m.supervisorId} since ${time(m.since)}`))
        : el('li', {}, 'Nobody'))));
}

/** The transcript box with its "N new messages" button. */
function transcriptBox(entry, label) {
  entry.transcript = el('div', { class: 'transcript', 'aria-label': label, tabindex: '0', role: 'log' },
    el('p', { class: 'readonly' }, 'Read-only transcript: monitors cannot post.'));
  entry.more = el('button', { type: 'button', class: 'more', hidden: true, onclick: () => toNewest(entry) }, '');
  entry.transcript.addEventListener('scroll', () => {
    if (atBottom(entry.transcript)) {
      entry.unseen = 0;
      entry.more.hidden = true;
    }
  });
  return el('div', { class: 'transcript-wrap' }, entry.transcript, entry.more);
}

function atBottom(node) {
  return node.scrollHeight - node.scrollTop - node.clientHeight < 24;
}

function toNewest(entry) {
  entry.transcript.scrollTop = entry.transcript.scrollHeight;
  entry.unseen = 0;
  entry.more.hidden = true;
  entry.transcript.focus({ preventScroll: true });
}

function append(entry, message) {
  if (entry.seen.has(message.sequence)) return;
  entry.seen.add(message.sequence);
  const node = entry.transcript;
  const sticky = atBottom(node);
  node.append(el('p', { class: `msg ${message.authorRole}`, 'data-sequence': String(message.sequence) },
    el('span', { class: 'author' }, message.authorName || message.authorRole.toLowerCase()),
    el('span', {}, message.text),
    el('small', { class: 'hint' }, ` ${time(message.postedAt)}`)));
  if (sticky) {
    node.scrollTop = node.scrollHeight;
  } else {
    entry.unseen += 1;
    entry.more.textContent = `${entry.unseen} new message${entry.unseen === 1 ? '' : 's'} ↓`;
    entry.more.hidden = false;
  }
}

function notice(entry, text) {
  entry.transcript?.append(el('p', { class: 'readonly ended-notice' }, text));
  if (entry.transcript && atBottom(entry.transcript)) entry.transcript.scrollTop = entry.transcript.scrollHeight;
  entry.reading.prepend(el('p', { class: 'notice-inline', role: 'status' }, text));
}

function live(interactionId, entry, mine, changed) {
  entry.live = true;
  entry.endButton = el('button', {
    type: 'button', class: 'danger', 'data-action': 'end-monitoring', onclick: async () => {
      try {
        await api(`/api/monitoring/sessions/${encodeURIComponent(mine.sessionId)}`, { method: 'DELETE' });
        entry.stop?.();
        entry.live = false;
        entry.reading.replaceChildren();
        entry.transcript = null;
        changed();
        document.querySelector(`tr[data-interaction="${interactionId}"]`)?.focus();
      } catch (e) {
        fail(e);
      }
    },
  }, 'End Monitoring');
  entry.reading.replaceChildren(el('div', {}, entry.endButton), transcriptBox(entry, 'Transcript'));
  entry.stop = follow(`/api/transcripts/${encodeURIComponent(interactionId)}/stream`, (name, data) => {
    if (name === 'message') {
      append(entry, JSON.parse(data));
    } else if (name === 'ended') {
      entry.stop?.();
      entry.stop = null;
      entry.transcript?.append(el('p', { class: 'readonly' }, 'The conversation has ended.'));
    }
  });
}

/** B34: reads the whole transcript of an ended chat under the caller's review (moves the read position, B11). */
async function review(interactionId, entry, until, changed) {
  entry.reading.replaceChildren(
    el('p', { class: 'notice-inline' }, `Review of an ended chat, read-only and audited, open until ${time(until)}.`),
    transcriptBox(entry, 'Transcript under review'));
  let after = 0;
  try {
    for (let pages = 0; pages < 50; pages += 1) {
      const page = await api(`/api/transcripts/${encodeURIComponent(interactionId)}?after=${after}&limit=${REVIEW_PAGE}`);
      page.messages.forEach((m) => append(entry, m));
      if (page.messages.length < REVIEW_PAGE || page.next <= after) break;
      after = page.next;
    }
    entry.transcript.append(el('p', { class: 'readonly' }, 'The conversation has ended.'));
    changed(); // the red dot goes once the read position moved
  } catch (e) {
    entry.transcript.append(el('p', { class: 'why' }, e.message));
  }
}
