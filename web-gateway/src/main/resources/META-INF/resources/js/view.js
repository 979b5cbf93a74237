// Small DOM helpers shared by the console's views.
import { whyNotSentence } from './api.js';

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

// Inline SVG (no icon font, no emoji font needed): a phone, a speech bubble, an envelope, a handset.
const PATHS = {
  VOICE: 'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z',
  CHAT: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z',
  SMS: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm0 2v.4l9 5.6 9-5.6V7z',
  MESSAGING: 'M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h10V5z',
};

export function channelIcon(channel) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', PATHS[channel] || PATHS.CHAT);
  svg.append(path);
  return svg;
}
export const CHANNEL_NAMES = { VOICE: 'Voice', CHAT: 'Chat', SMS: 'SMS', MESSAGING: 'Messaging' };

export function duration(from, to) {
  const total = seconds(from, to);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return (h ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + `:${String(s).padStart(2, '0')}`;
}

export function time(value) {
  return value ? new Date(value).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
}

/** Long-running interactions are highlighted: warn from 5 minutes, alert from 10 (agents view, toolbar). */
export const WARN_SECONDS = 5 * 60;
export const ALERT_SECONDS = 10 * 60;

export function seconds(from, to) {
  return Math.max(0, Math.floor(((to ? new Date(to) : new Date()) - new Date(from)) / 1000));
}

/** 'alert', 'warn' or '' for a duration in seconds. */
export function level(secs) {
  return secs >= ALERT_SECONDS ? 'alert' : secs >= WARN_SECONDS ? 'warn' : '';
}

const box = (id) => document.getElementById(id);

/** A notice that stays until dismissed (or replaced); '' removes it. */
export function say(text) {
  box('notice-text').textContent = text;
  box('notice').hidden = !text;
}

export function fail(e) {
  box('error-text').textContent = e?.message || String(e);
  box('error').hidden = false;
  clearTimeout(fail.timer);
  fail.timer = setTimeout(() => { box('error').hidden = true; }, 8000);
}

document.addEventListener('click', (event) => {
  const target = event.target.closest?.('[data-dismiss]');
  if (target) box(target.dataset.dismiss).hidden = true;
});

export const END_REASONS = {
  SUPERVISOR_HUNG_UP: 'you hung up',
  SUPERVISOR_ENDED: 'you ended monitoring',
  INTERACTION_ENDED: 'the interaction ended',
  DIAL_FAILED: 'your extension could not be reached',
  PERMISSION_REVOKED: 'your permission to monitor was removed',
};

/** Monitor, disabled with its reason when it cannot be used (B52); shared by the table and the agents view. */
export function monitorButton(row, onMonitor) {
  const why = `why-${row.interactionId}-${Math.random().toString(36).slice(2, 7)}`;
  const parts = [el('button', {
    type: 'button', disabled: !row.monitor.allowed, 'data-action': 'monitor',
    'aria-describedby': row.monitor.allowed ? null : why,
    onclick: () => onMonitor(row),
  }, 'Monitor')];
  if (!row.monitor.allowed) parts.push(el('span', { class: 'why', id: why }, whyNotSentence(row.monitor.reason)));
  return parts;
}

