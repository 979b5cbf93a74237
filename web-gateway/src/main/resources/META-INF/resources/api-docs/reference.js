// The API reference: reads each service's OpenAPI document through the gateway (/api-docs/openapi/<service>.json,
// the document the service serves at /q/openapi) and shows its operations by tag. Nothing is fetched from
// elsewhere. Operations are <details> (keyboard: Tab to one, Enter/Space opens it); headings h2 service, h3 tag,
// h4 operation.
const SERVICES = ['monitoring-service', 'interaction-service', 'permission-service', 'transcript-service',
  'telephony-gateway'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
};

/** Text with `backticked` words as <code>. */
const prose = (text) => {
  const parts = String(text || '').split(/`([^`]*)`/);
  return parts.map((part, i) => (i % 2 ? el('code', {}, part) : part));
};

const refName = (ref) => ref.split('/').pop();

function resolve(doc, schema) {
  return schema && schema.$ref ? doc.components?.schemas?.[refName(schema.$ref)] || {} : schema || {};
}

/** A compact outline of a schema: { field: type, … }, refs named and expanded once. */
function outline(doc, schema, depth = 0, seen = new Set()) {
  if (!schema) return 'any';
  const pad = '  '.repeat(depth);
  if (schema.$ref) {
    const name = refName(schema.$ref);
    if (seen.has(name) || depth > 3) return name;
    return `${name} ${outline(doc, resolve(doc, schema), depth, new Set([...seen, name]))}`;
  }
  if (schema.oneOf) return `one of:\n${schema.oneOf.map((s) => `${pad}  ${outline(doc, s, depth + 1, seen)}`).join('\n')}`;
  if (schema.allOf) return schema.allOf.map((s) => outline(doc, s, depth, seen)).join(' & ');
  const type = Array.isArray(schema.type) ? schema.type.join('|') : schema.type;
  if (schema.enum) return schema.enum.join(' | ');
  if (type === 'array') return `[${outline(doc, schema.items, depth, seen)}]`;
  if (schema.properties) {
    const lines = Object.entries(schema.properties)
      .map(([name, prop]) => `${pad}  ${name}${(schema.required || []).includes(name) ? '' : '?'}: ${outline(doc, prop, depth + 1, seen)}`);
    return `{\n${lines.join('\n')}\n${pad}}`;
  }
  return [type || 'object', schema.format].filter(Boolean).join(' ');
}

function operationView(doc, service, path, method, op) {
  const id = `${service}-${op.operationId || `${method}-${path}`}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const body = el('div', { class: 'op-body' });
  if (op.description) body.append(el('p', {}, prose(op.description)));
  if (op.security?.length) {
    body.append(el('p', { class: 'lock' }, 'Needs a bearer token (', el('code', {}, 'Authorization: Bearer …'), ').'));
  }
  const params = op.parameters || [];
  if (params.length) {
    body.append(el('h5', {}, 'Parameters'),
      el('table', { class: 'params' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'In'),
          el('th', { scope: 'col' }, 'Type'))),
        el('tbody', {}, params.map((p) => el('tr', {},
          el('td', {}, el('code', {}, p.name), p.required ? ' (required)' : ''), el('td', {}, p.in),
          el('td', {}, outline(doc, p.schema)))))));
  }
  const request = op.requestBody?.content;
  if (request) {
    body.append(el('h5', {}, 'Request body'));
    for (const [media, content] of Object.entries(request)) {
      body.append(el('p', {}, el('code', {}, media)), el('pre', { class: 'schema' }, outline(doc, content.schema)));
    }
  }
  body.append(el('h5', {}, 'Responses'));
  const list = el('dl', { class: 'responses' });
  for (const [status, response] of Object.entries(op.responses || {})) {
    const dd = el('dd', {});
    const content = response.content || {};
    const problem = content['application/problem+json'];
    if (problem) {
      const types = Object.values(problem.examples || {}).map((e) => e.value?.type).filter(Boolean);
      dd.append(el('p', {}, prose(response.description)),
        el('ul', { class: 'problem-types', 'aria-label': 'Problem types' }, types.map((t) => el('li', {}, el('code', {}, t)))));
    } else {
      dd.append(el('p', {}, prose(response.description)));
      for (const [media, c] of Object.entries(content)) {
        dd.append(el('p', {}, el('code', {}, media)), el('pre', { class: 'schema' }, outline(doc, c.schema)));
      }
    }
    list.append(el('dt', {}, status), dd);
  }
  body.append(list);
  return el('details', { class: 'op', id },
    el('summary', {},
      el('span', { class: `method ${method}` }, method.toUpperCase()),
      el('h4', {}, el('span', { class: 'path' }, path)),
      el('span', { class: 'summary' }, op.summary || '')),
    body);
}

function serviceView(service, doc) {
  const byTag = new Map((doc.tags || []).map((t) => [t.name, { tag: t, ops: [] }]));
  for (const [path, item] of Object.entries(doc.paths || {})) {
    if (path.startsWith('/q/')) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = (op.tags || ['Other'])[0];
      if (!byTag.has(tag)) byTag.set(tag, { tag: { name: tag }, ops: [] });
      byTag.get(tag).ops.push(operationView(doc, service, path, method, op));
    }
  }
  const section = el('section', { class: 'service', id: service, 'aria-labelledby': `${service}-title` },
    el('h2', { id: `${service}-title` }, doc.info?.title || service),
    el('p', { class: 'meta' }, prose(doc.info?.description || ''), ` — version ${doc.info?.version || '?'} — `,
      el('a', { href: `openapi/${service}.json` }, 'OpenAPI document (JSON)')));
  for (const { tag, ops } of byTag.values()) {
    if (!ops.length) continue;
    section.append(el('h3', {}, tag.name));
    if (tag.description) section.append(el('p', { class: 'tag-description' }, tag.description));
    section.append(...ops);
  }
  return section;
}

async function load() {
  const nav = document.getElementById('services');
  const documents = document.getElementById('documents');
  const status = document.getElementById('status');
  for (const service of SERVICES) {
    nav.append(el('li', {}, el('a', { href: `#${service}` }, service)));
    documents.append(el('section', { class: 'service', id: service, 'aria-labelledby': `${service}-title` },
      el('h2', { id: `${service}-title` }, service), el('p', { class: 'meta' }, 'Loading…')));
  }
  const results = await Promise.all(SERVICES.map(async (service) => {
    try {
      const response = await fetch(`openapi/${service}.json`, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const doc = await response.json();
      document.getElementById(service).replaceWith(serviceView(service, doc));
      return true;
    } catch (error) {
      const section = document.getElementById(service);
      section.querySelector('.meta').replaceWith(el('p', { class: 'failed' },
        `The document of ${service} could not be read (${error.message}); the service may be down.`));
      return false;
    }
  }));
  const failed = results.filter((ok) => !ok).length;
  status.textContent = failed ? `${SERVICES.length - failed} of ${SERVICES.length} API documents loaded.`
    : `All ${SERVICES.length} API documents loaded.`;
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

load();
