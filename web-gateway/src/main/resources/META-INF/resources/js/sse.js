// Server-sent events over fetch (EventSource cannot send the bearer token). Reconnects with backoff.
import { accessToken } from './auth.js';

export function follow(path, onEvent, onState = () => {}) {
  let stopped = false;
  let controller;
  let delay = 500;

  async function connect() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch(path, {
          headers: { authorization: `Bearer ${await accessToken()}`, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok) {
          // 403/404 too: access travels by events (a session just started, a permission just granted)
          // and can arrive a moment after the request that needs it; 429: too many streams open (other
          // tabs?), wait as long as the server asks before trying again
          onState(false, response.status);
          const retryAfter = Number(response.headers.get('retry-after'));
          if (response.status === 429 && retryAfter > 0) {
            delay = Math.min(Math.max(delay, retryAfter * 1000), 60000);
          }
          throw new Error(String(response.status));
        }
        onState(true);
        delay = 500;
        await read(response.body, onEvent);
      } catch (e) {
        if (stopped) {
          return;
        }
      }
      onState(false);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15000);
    }
  }

  connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

async function read(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { name: 'message', data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        if (event.data.length) {
          onEvent(event.name, event.data.join('\n'), event.id);
        }
        event = { name: 'message', data: [] };
      } else if (line.startsWith(':')) {
        // comment (keep-alive)
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.name = text;
        else if (field === 'data') event.data.push(text);
        else if (field === 'id') event.id = text;
      }
    }
  }
}
