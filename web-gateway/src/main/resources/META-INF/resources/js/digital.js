// A digital row's details (B32): Interaction Details, Active Participants, Interaction Monitors,
// and — while the caller monitors it — the live, read-only transcript (B30, B31, B51), with
// End Monitoring (B33).
import { api } from './api.js';
import { follow } from './sse.js';
import { CHANNEL_NAMES, el, fail, time } from './view.js';

const open = new Map(); // interactionId -> { stop, node, messages }

export function isOpen(interactionId) {
  return open.has(interactionId);
}

export function close(interactionId) {
  open.get(interactionId)?.stop?.();
  open.delete(interactionId);
}

/** Renders the details of a row into {@code cell}; keeps a transcript stream while it is shown. */
export async function render(row, cell, me, changed) {
  let details;
  try {
    details = await api(`/api/monitoring/interactions/${encodeURIComponent(row.interactionId)}`);
  } catch (e) {
    cell.replaceChildren(el('p', { class: 'why' }, e.message));
    return;
  }
  const d = details.details;
  const mine = details.monitors.find((m) => m.supervisorId === me.userId);
  const grid = el('div', { class: 'details-grid' },
    el('section', {}, el('h3', {}, 'Interaction Details'), el('dl', {},
      el('dt', {}, 'Channel'), el('dd', {}, CHANNEL_NAMES[d.channel] || d.channel),
      el('dt', {}, 'Flow'), el('dd', {}, d.flowName || d.flowId),
      el('dt', {}, 'Customer'), el('dd', {}, d.customer || ''),
      el('dt', {}, 'Agent'), el('dd', {}, d.agentName || d.agentId),
      el('dt', {}, 'Started'), el('dd', {}, time(d.startedAt)),
      el('dt', {}, 'State'), el('dd', {}, d.state === 'ACTIVE' ? 'Active' : `Ended ${time(d.endedAt)}`))),
    el('section', {}, el('h3', {}, 'Active Participants'), el('ul', {},
      details.participants.length ? details.participants.map((p) => el('li', {}, `${p.displayName || p.participantId} (${p.role.toLowerCase()})`))
        : el('li', {}, 'Nobody'))),
    el('section', {}, el('h3', {}, 'Interaction Monitors'), el('ul', {},
      details.monitors.length ? details.monitors.map((m) => el('li', {}, `${m.supervisorName || m.supervisorId} since ${time(m.since)}`))
        : el('li', {}, 'Nobody'))));
  const parts = [grid];
  if (mine) {
    const transcript = el('div', { class: 'transcript', 'aria-live': 'polite', 'aria-label': 'Transcript', tabindex: '0' },
      el('p', { class: 'readonly' }, 'Read-only transcript: monitors cannot post.'));
    const end = el('button', {
      type: 'button', class: 'danger', onclick: async () => {
        try {
          await api(`/api/monitoring/sessions/${encodeURIComponent(mine.sessionId)}`, { method: 'DELETE' });
          close(row.interactionId);
          changed();
        } catch (e) {
          fail(e);
        }
      },
    }, 'End Monitoring');
    parts.push(el('div', {}, end), transcript);
    stream(row.interactionId, transcript);
  } else {
    close(row.interactionId);
  }
  cell.replaceChildren(...parts);
}

function stream(interactionId, node) {
  const existing = open.get(interactionId);
  if (existing?.stop) {
    // keep the running stream; move its messages into the new node
    node.append(...existing.node.querySelectorAll('.msg'));
    existing.node = node;
    return;
  }
  const state = { node, seen: new Set() };
  open.set(interactionId, state);
  state.stop = follow(`/api/transcripts/${encodeURIComponent(interactionId)}/stream`, (name, data) => {
    if (name === 'message') {
      const message = JSON.parse(data);
      if (state.seen.has(message.sequence)) return;
      state.seen.add(message.sequence);
      state.node.append(el('p', { class: `msg ${message.authorRole}` },
        el('span', { class: 'author' }, message.authorName || message.authorRole.toLowerCase()),
        el('span', {}, message.text),
        el('small', { class: 'hint' }, ` ${time(message.postedAt)}`)));
      state.node.scrollTop = state.node.scrollHeight;
    } else if (name === 'ended') {
      state.node.append(el('p', { class: 'readonly' }, 'The conversation has ended.'));
    }
  });
}
