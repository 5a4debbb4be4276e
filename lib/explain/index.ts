import { reasonPhrase } from '@/lib/sandbox/reason-phrases';
import { analyseChallenges } from './challenges';
import { finding } from './finding';
import { type ParsedMessage, readMessage } from './message';
import { nextStep } from './next-step';
import { authInfoRules, responseRules } from './rules';
import { type SourceField, type Span, fieldsNamed, locate, nameSpan } from './source';
import type { Explanation, Finding } from './types';

// "Explain this response": a pasted response (raw HTTP, curl -v output, or a lone header line) in,
// findings that point at its exact characters and what a client does next out. Pure and total: it
// never throws, and it refuses input over 64 KiB rather than work on it.

export type { AuthInfoField, ChallengeField, ChallengeHeader, Explanation, Finding, HeaderField, NextStep, NextStepKind, Severity, SourceKind } from './types';

/** 64 KiB of UTF-8: far more than any real response head. */
export const MAX_EXPLAIN_BYTES = 64 * 1024;

function base(findings: Finding[], summary: string, kind: 'refused' | 'empty' | 'not-http'): Explanation {
  return { source: 'none', headers: [], challenges: [], authInfo: [], findings, nextStep: { kind, summary, notes: [] } };
}

/** Index of the first character past `MAX_EXPLAIN_BYTES` of UTF-8, or -1 when the text fits. */
function overLimitAt(text: string): number {
  if (text.length * 3 <= MAX_EXPLAIN_BYTES) return -1;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > MAX_EXPLAIN_BYTES) return i;
    bytes += size;
    if (pair) i++;
  }
  return -1;
}

function spanOfIndex(text: string, index: number): Span {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  const c = text.charAt(index);
  return { line, column, length: c === '\r' || c === '\n' ? 0 : 1 };
}

function refused(text: string, at: number): Explanation {
  const kib = Math.ceil(new TextEncoder().encode(text).length / 1024);
  const message = `This is about ${kib} KiB; the explainer reads at most 64 KiB. Paste the status line and the header lines only: the body is not needed.`;
  return base([finding('error', 'input-too-large', message, spanOfIndex(text, at), undefined)], 'Nothing was explained: the input is too large.', 'refused');
}

function notHttp(text: string, msg: ParsedMessage): Explanation {
  const line = msg.lastResponseLine ?? 1;
  const content = text.split(/\r?\n/)[line - 1] ?? '';
  const message =
    'This does not look like an HTTP response. Paste the status line and header lines (HTTP/1.1 401 Unauthorized, then WWW-Authenticate: …), curl -v output, or a single header line.';
  return base(
    [finding('error', 'not-http', message, { line, column: 1, length: content.length })],
    'Nothing to explain yet: no status line or header line was found.',
    'not-http',
  );
}

const publicField = ({ name, value, line, column, lastLine }: SourceField) => ({ name, value, line, column, lastLine });

function sourceFindings(msg: ParsedMessage, fields: SourceField[], statusSpan: Span | undefined): Finding[] {
  const out: Finding[] = [];
  const first = fields[0];
  // A lone header line is a paste the help invites: only when several lines came without a status
  // line is it worth saying that the status-dependent checks were skipped.
  if (msg.source === 'headers' && first && fields.length > 1) {
    out.push(
      finding(
        'info',
        'no-status-line',
        'No status line: the checks that depend on the status are skipped. Paste the line that starts with HTTP/ as well.',
        nameSpan(first),
        undefined,
      ),
    );
  }
  if (msg.source === 'challenge' && first) {
    out.push(finding('info', 'read-as-challenge', 'Read as the value of a WWW-Authenticate field.', locate(first, 0, first.value.length), undefined));
  }
  if (msg.responseCount > 1 && statusSpan) {
    const message = `The paste holds ${msg.responseCount} responses; this explains the last one. Paste another on its own to explain it.`;
    out.push(finding('info', 'several-responses', message, statusSpan, undefined));
  }
  const status = msg.response?.status?.status;
  if (status !== undefined && statusSpan && (status < 100 || status > 599)) {
    out.push(finding('error', 'invalid-status', `${status} is outside the status code range 100-599 (RFC 9110 §15).`, statusSpan, 'RFC 9110 §15'));
  }
  return out;
}

function sentCredentials(fields: SourceField[], name: string): { scheme: string; line: number } | undefined {
  const field = fieldsNamed(fields, name)[0];
  return field ? { scheme: field.value.split(' ')[0] ?? '', line: field.line } : undefined;
}

/** RFC 9110 §9.3.7 OPTIONS with Access-Control-Request-Method is a CORS preflight (WHATWG Fetch). */
function looksLikePreflight(msg: ParsedMessage): boolean {
  const request = msg.request;
  if (request?.method.toUpperCase() !== 'OPTIONS') return false;
  return fieldsNamed(request.fields, 'Access-Control-Request-Method').length > 0 || msg.response?.status?.status === 401;
}

function explain(text: string): Explanation {
  const at = overLimitAt(text);
  if (at >= 0) return refused(text, at);
  if (text.trim() === '') return base([], 'Paste a response (or curl -v output, or a header line) to have it explained.', 'empty');
  const msg = readMessage(text);
  const response = msg.response;
  if (!response) return notHttp(text, msg);
  const { fields } = response;
  const status = response.status?.status;
  const statusSpan = response.status ? { line: response.status.line, column: response.status.codeColumn, length: 3 } : undefined;
  const sent = msg.request?.fields ?? [];
  const httpVersion = response.status?.version;
  const ctx = { status, httpVersion, requestWithoutCredentials: msg.request ? fieldsNamed(sent, 'Authorization').length === 0 : undefined };
  const www = analyseChallenges(fieldsNamed(fields, 'WWW-Authenticate'), 'WWW-Authenticate', ctx);
  const proxy = analyseChallenges(fieldsNamed(fields, 'Proxy-Authenticate'), 'Proxy-Authenticate', { status, httpVersion });
  const ruleCtx = { msg, fields, status, statusSpan };
  const authInfo = authInfoRules(ruleCtx);
  const findings = [
    ...msg.findings,
    ...sourceFindings(msg, fields, statusSpan),
    ...responseRules(ruleCtx),
    ...www.findings,
    ...proxy.findings,
    ...authInfo.findings,
  ];
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    source: msg.source,
    ...(response.status
      ? { status, reason: response.status.reason, standardReason: reasonPhrase(response.status.status), httpVersion: response.status.version }
      : {}),
    ...(msg.request ? { requestMethod: msg.request.method } : {}),
    headers: fields.map(publicField),
    challenges: [...www.fields, ...proxy.fields].sort((a, b) => a.line - b.line),
    authInfo: authInfo.parsed,
    findings,
    nextStep: nextStep({
      status,
      www: www.challenges,
      proxy: proxy.challenges,
      wwwLines: www.fields.length,
      proxyLines: proxy.fields.length,
      brokenLines: [...www.fields, ...proxy.fields].filter((f) => !f.ok).map((f) => f.line),
      authInfo: authInfo.parsed,
      sentAuthorization: sentCredentials(sent, 'Authorization'),
      sentProxyAuthorization: sentCredentials(sent, 'Proxy-Authorization'),
      preflight: looksLikePreflight(msg),
    }),
  };
}

/** Explains a pasted response. Never throws. */
export function explainResponse(text: string): Explanation {
  const input = typeof text === 'string' ? text : '';
  try {
    return explain(input);
  } catch {
    // A bug here must not take the page down: say so plainly instead.
    const message = 'The explainer failed on this input. Please report it with the text you pasted.';
    return base([finding('error', 'internal-error', message, { line: 1, column: 1, length: 0 }, undefined)], 'Nothing was explained.', 'not-http');
  }
}
