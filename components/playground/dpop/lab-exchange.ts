// One request to the lab and what came back, kept whole for the proof builder to show: the method, the URL,
// the request's DPoP and Authorization fields, the status, WWW-Authenticate, DPoP-Nonce and the body. An
// answer of the lab (any status) is kept apart from a lab that could not be reached.
import { parseChallenges } from '@/lib/http-auth';

export type LabRequest = {
  method: 'GET' | 'POST';
  url: string;
  fields: [string, string][];
  body?: string;
  /** Follow redirects (the consent form's 303) and report where the browser landed. */
  follow?: boolean;
};

export type LabAnswer = {
  status: number;
  /** Where the last redirect led, when fetch followed one. */
  landedAt?: string;
  fields: [string, string][];
  body: string;
  /** The error code and description the lab sent: from WWW-Authenticate (RFC 6750 §3), or an OAuth JSON body (RFC 6749 §5.2). */
  error?: { code: string; description?: string };
};

export type LabExchange = { kind: 'answered'; request: LabRequest; answer: LabAnswer } | { kind: 'unreachable'; request: LabRequest; message: string };

/** The response fields the builder shows: the ones DPoP and OAuth speak in. */
const SHOWN_FIELDS = ['WWW-Authenticate', 'DPoP-Nonce', 'Content-Type'];

/** Sends `request` same-origin, without cookies: the lab keeps no session, so the builder sends none. */
export async function sendToLab(request: LabRequest): Promise<LabExchange> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.fields,
      ...(request.body === undefined ? {} : { body: request.body }),
      credentials: 'omit',
      redirect: request.follow ? 'follow' : 'manual',
      cache: 'no-store',
    });
    const body = await response.text();
    const fields = SHOWN_FIELDS.flatMap((name): [string, string][] => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value]];
    });
    const error = errorOf(response.headers.get('WWW-Authenticate'), body);
    return {
      kind: 'answered',
      request,
      answer: { status: response.status, fields, body, ...(response.redirected ? { landedAt: response.url } : {}), ...(error ? { error } : {}) },
    };
  } catch (caught) {
    return { kind: 'unreachable', request, message: caught instanceof Error ? caught.message : String(caught) };
  }
}

function errorOf(wwwAuthenticate: string | null, body: string): LabAnswer['error'] {
  if (wwwAuthenticate !== null) {
    const parsed = parseChallenges(wwwAuthenticate);
    const withError = parsed.ok ? parsed.value.find((challenge) => challenge.params.error !== undefined) : undefined;
    if (withError?.params.error !== undefined) {
      const description = withError.params.error_description;
      return { code: withError.params.error, ...(description === undefined ? {} : { description }) };
    }
  }
  try {
    const json = JSON.parse(body) as { error?: unknown; error_description?: unknown };
    if (typeof json.error !== 'string') return undefined;
    return { code: json.error, ...(typeof json.error_description === 'string' ? { description: json.error_description } : {}) };
  } catch {
    return undefined;
  }
}

/** A response field of an answer, by name (case-insensitive, RFC 9110 §5.1). */
export function answerField(answer: LabAnswer, name: string): string | undefined {
  return answer.fields.find(([field]) => field.toLowerCase() === name.toLowerCase())?.[1];
}
