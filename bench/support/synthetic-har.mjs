// A large HAR in Chromium's dialect for the traffic page's benchmark and its Cancel test: mostly what a real
// session is mostly made of (scripts, stylesheets, JSON calls with bodies), with a Basic 401 → 200 pair every
// 500 entries so the analysis has conversations to find. Written as text, entry by entry, up to `bytes`.

const STARTED = Date.parse('2026-12-01T10:00:00Z');

function entry(i, request, response) {
  return {
    startedDateTime: new Date(STARTED + i * 40).toISOString(),
    time: 12,
    request: { method: 'GET', url: request.url, httpVersion: 'HTTP/1.1', headers: request.headers, queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: 'HTTP/1.1',
      headers: response.headers,
      cookies: [],
      content: response.content,
      redirectURL: '',
      headersSize: -1,
      bodySize: response.content.size,
    },
    cache: {},
    timings: { send: 1, wait: 10, receive: 1 },
    _resourceType: request.type,
    connection: String(1000 + (i % 6)),
  };
}

const COMMON = Array.from({ length: 10 }, (_, h) => ({ name: `X-Trace-${h}`, value: `${h}`.repeat(48) }));

function noise(i) {
  const kind = i % 3;
  if (kind === 0) {
    const text = `/* bundle ${i} */ ${'function f(){return 1};'.repeat(100)}`;
    return entry(
      i,
      { url: `https://app.example/static/chunk-${i}.js`, headers: COMMON, type: 'script' },
      {
        status: 200,
        statusText: 'OK',
        headers: [{ name: 'Content-Type', value: 'application/javascript' }],
        content: { size: text.length, mimeType: 'application/javascript', text },
      },
    );
  }
  if (kind === 1) {
    const text = JSON.stringify({ items: Array.from({ length: 25 }, (_, n) => ({ id: i * 100 + n, name: `item ${n}`, note: 'plain data' })) });
    return entry(
      i,
      { url: `https://app.example/api/items?page=${i}`, headers: [...COMMON, { name: 'Cookie', value: `session=s${i}abcdef0123456789` }], type: 'fetch' },
      {
        status: 200,
        statusText: 'OK',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        content: { size: text.length, mimeType: 'application/json', text },
      },
    );
  }
  const text = 'iVBORw0KGgo'.repeat(150);
  return entry(
    i,
    { url: `https://cdn.example/img/${i}.png`, headers: COMMON, type: 'image' },
    {
      status: 200,
      statusText: 'OK',
      headers: [{ name: 'Content-Type', value: 'image/png' }],
      content: { size: text.length, mimeType: 'image/png', text, encoding: 'base64' },
    },
  );
}

function authPair(i) {
  const url = `https://api.example/reports/${i}`;
  const challenge = entry(
    i,
    { url, headers: COMMON, type: 'fetch' },
    {
      status: 401,
      statusText: 'Unauthorized',
      headers: [{ name: 'WWW-Authenticate', value: 'Basic realm="reports"' }],
      content: { size: 0, mimeType: 'text/plain' },
    },
  );
  const answered = entry(
    i + 1,
    { url, headers: [...COMMON, { name: 'Authorization', value: 'Basic YWxpY2U6d29uZGVybGFuZA==' }], type: 'fetch' },
    {
      status: 200,
      statusText: 'OK',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      content: { size: 2, mimeType: 'application/json', text: '{}' },
    },
  );
  return [challenge, answered];
}

/** A HAR of about `bytes` characters (ASCII, so bytes too), and how many entries it holds. */
export function syntheticHar(bytes) {
  const head = '{"log":{"version":"1.2","creator":{"name":"synthetic","version":"1"},"pages":[],"entries":[\n';
  const parts = [head];
  let size = head.length;
  let count = 0;
  while (size < bytes) {
    const entries = count % 500 === 0 ? authPair(count) : [noise(count)];
    for (const one of entries) {
      const text = `${count === 0 ? '' : ',\n'}${JSON.stringify(one)}`;
      parts.push(text);
      size += text.length;
      count += 1;
    }
  }
  parts.push('\n]}}\n');
  return { text: parts.join(''), entries: count };
}
