// Security review, no user input rendered as HTML: a transcript whose every part carries markup (the
// target, header names and values, bodies, the raw messages), and a playground opened from a share link
// full of markup, render it all as text. No element the payloads describe exists in the DOM, no event
// handler attribute was created, and the payload text is there to read.
import { TextDecoder, TextEncoder } from 'node:util';
import v8 from 'node:v8';
import { render, screen, within } from '@testing-library/react';
import type { ExchangeStep, Transcript } from '@/lib/sandbox/exchange/input';

// jsdom has no TextEncoder (lib/http-auth needs it when it loads) nor structuredClone (share links):
// both are put in place before the components load.
let ResultPanel: typeof import('@/components/playground/ResultPanel').ResultPanel;
let TranscriptPanel: typeof import('@/components/playground/TranscriptPanel').TranscriptPanel;
let Playground: typeof import('@/components/playground/Playground').Playground;
let decodeState: typeof import('@/lib/playground/url-state').decodeState;
let allPresets: typeof import('@/lib/sandbox/scenario/presets').allPresets;

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder, structuredClone: (value: unknown) => v8.deserialize(v8.serialize(value)) });
  ({ ResultPanel } = await import('@/components/playground/ResultPanel'));
  ({ TranscriptPanel } = await import('@/components/playground/TranscriptPanel'));
  ({ Playground } = await import('@/components/playground/Playground'));
  ({ decodeState } = await import('@/lib/playground/url-state'));
  ({ allPresets } = await import('@/lib/sandbox/scenario/presets'));
});

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const SVG = '<svg onload="window.__pwned=3"></svg>';
const PAYLOAD = `${IMG}${SCRIPT}${SVG}`;

/** Elements or attributes that could only come from a payload parsed as HTML. */
function injected(container: HTMLElement): string[] {
  const found = [...container.querySelectorAll('img, script, iframe, object, embed, svg image, svg foreignObject')].map(
    (element) => `<${element.tagName.toLowerCase()}>`,
  );
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) found.push(`${element.tagName.toLowerCase()}[${attribute.name}]`);
  }
  // The only <svg> elements are the sequence diagram's, which carry an accessible name.
  for (const svg of container.querySelectorAll('svg')) if (!svg.getAttribute('role')) found.push('<svg> without a role');
  return found;
}

function hostileStep(): ExchangeStep {
  const raw = `GET /api/sandbox/basic?realm=${PAYLOAD} HTTP/1.1\r\nX-Payload: ${PAYLOAD}\r\n\r\n${PAYLOAD}`;
  return {
    request: { method: 'GET', target: `/api/sandbox/basic?realm=${IMG}`, headers: [[`X-${SCRIPT}`, PAYLOAD]], body: PAYLOAD, raw },
    forwarded: { method: 'GET', target: `/api/sandbox/basic?realm=${IMG}`, headers: [['X-Forwarded', PAYLOAD]], body: '', raw },
    response: {
      status: 401,
      headers: [
        ['WWW-Authenticate', `Basic realm="${IMG}"`],
        ['Content-Type', 'application/problem+json'],
      ],
      body: JSON.stringify({ status: 401, detail: PAYLOAD }),
      raw: `HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="${IMG}"\r\n\r\n${PAYLOAD}`,
    },
    respondedBy: 'origin',
    trace: [{ kind: 'hop', hop: 'origin', realm: IMG, text: `The origin guards realm "${IMG}".` }],
    next: { kind: 'stop', explanation: `Stopped: ${SCRIPT}` },
  };
}

const transcript = (): Transcript => ({ mode: 'manual', steps: [hostileStep(), hostileStep()] });

afterEach(() => {
  expect((window as { __pwned?: number }).__pwned).toBeUndefined();
});

describe('transcripts render markup as text', () => {
  test('the playground result: every message, header, body and the history label', () => {
    const { container } = render(
      <ResultPanel
        send={{ kind: 'done', transcript: transcript(), elapsedMs: 3 }}
        history={[{ id: 1, label: `GET ${IMG}`, transcript: transcript() }]}
        onShow={() => undefined}
      />,
    );
    expect(injected(container)).toEqual([]);
    const result = screen.getByRole('region', { name: 'Result' });
    // The payload is readable, character for character.
    expect(within(result).getAllByRole('rowheader', { name: `X-${SCRIPT}` })).toHaveLength(2);
    expect(within(result).getAllByRole('cell', { name: PAYLOAD }).length).toBeGreaterThanOrEqual(2);
    expect(within(result).getAllByRole('cell', { name: `Basic realm="${IMG}"` })).toHaveLength(2);
    expect(screen.getByLabelText('Response body, attempt 1').textContent).toContain(`"detail": "${PAYLOAD.replace(/"/g, '\\"')}"`);
    expect(screen.getByLabelText('Raw request, attempt 1').textContent).toContain(`X-Payload: ${PAYLOAD}`);
    expect(screen.getByLabelText('Raw response, attempt 2').textContent).toContain(PAYLOAD);
    expect(screen.getByLabelText('Forwarded request, attempt 1').textContent).toContain(PAYLOAD);
    expect(within(result).getAllByText(`The origin guards realm "${IMG}".`).length).toBeGreaterThan(0);
    expect(within(result).getAllByText(`Stopped: ${SCRIPT}`)).toHaveLength(2);
    expect(within(result).getByRole('button', { name: `Show GET ${IMG}` })).toBeInTheDocument();
  });

  test('the TryIt transcript panel (sequence diagram and details)', () => {
    const { container } = render(<TranscriptPanel transcript={transcript()} idPrefix="hostile" label={`Conversation ${IMG}`} />);
    expect(injected(container)).toEqual([]);
    expect(container.textContent).toContain(PAYLOAD);
  });
});

describe('a share link full of markup', () => {
  const groups = () => [{ label: 'All', presets: allPresets().map(({ id, title, summary }) => ({ id, title, summary })) }];

  test('opens as text: the fields hold the payload, problems quote it, nothing is parsed as HTML', () => {
    const query = new URLSearchParams([
      ['v', '1'],
      ['p', 'basic'],
      ['m', 'POST'],
      ['t', `/api/sandbox/basic?realm=${IMG.replace(/ /g, '%20')}`],
      ['h', `X-Payload:${PAYLOAD}`],
      ['h', `${IMG}:dropped, the name is not a token`],
      ['b', PAYLOAD],
      [SCRIPT, 'an unknown parameter'],
    ]);
    const { state, problems } = decodeState(query.toString());
    expect(problems).toHaveLength(2);
    const { container } = render(<Playground initialState={state} groups={groups()} linkProblems={problems} syncUrl={false} />);
    expect(injected(container)).toEqual([]);
    expect(screen.getByRole('textbox', { name: 'Path and query (on the sandbox)' })).toHaveValue(`/api/sandbox/basic?realm=${IMG.replace(/ /g, '%20')}`);
    expect(screen.getByRole('textbox', { name: 'Header 1 value' })).toHaveValue(PAYLOAD);
    expect(screen.getByRole('textbox', { name: /^Body/ })).toHaveValue(PAYLOAD);
    expect(screen.getByText(/^Unknown parameter "<script>window.__pwned=2<\/script>" was ignored\.$/)).toBeInTheDocument();
    expect(screen.getByText(/^Header 2 "<img src=x onerror=/)).toBeInTheDocument();
    // The snippets quote the payload as code text.
    expect(screen.getByLabelText('Snippet').textContent).toContain('X-Payload');
  });
});
