// Small DOM helpers shared by the console's views.
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

export const CHANNEL_ICONS = { VOICE: '📞', CHAT: '💬', SMS: '✉️', MESSAGING: '📱' };
export const CHANNEL_NAMES = { VOICE: 'Voice', CHAT: 'Chat', SMS: 'SMS', MESSAGING: 'Messaging' };

export function duration(from, to) {
  const seconds = Math.max(0, Math.floor(((to ? new Date(to) : new Date()) - new Date(from)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return (h ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + `:${String(s).padStart(2, '0')}`;
}

export function time(value) {
  return value ? new Date(value).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
}

const notice = () => document.getElementById('notice');
const error = () => document.getElementById('error');

export function say(text) {
  notice().textContent = text;
  notice().hidden = !text;
}

export function fail(e) {
  error().textContent = e?.message || String(e);
  error().hidden = false;
  clearTimeout(fail.timer);
  fail.timer = setTimeout(() => { error().hidden = true; }, 8000);
}

export const END_REASONS = {
  SUPERVISOR_HUNG_UP: 'you hung up',
  SUPERVISOR_ENDED: 'you ended monitoring',
  INTERACTION_ENDED: 'the interaction ended',
  DIAL_FAILED: 'your extension could not be reached',
  PERMISSION_REVOKED: 'your permission to monitor was removed',
};
