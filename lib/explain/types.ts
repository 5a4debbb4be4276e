import type { Challenge, ClientChoice } from '@/lib/http-auth';

// The shapes "Explain this response" hands to the UI. Positions are 1-based and count UTF-16 code
// units, so `text.split(/\r?\n/)[line - 1].slice(column - 1, column - 1 + length)` is the marked text.

export type Severity = 'error' | 'warning' | 'info';

/** What is wrong or unusual, pointing at the exact characters of the pasted text. */
export type Finding = {
  severity: Severity;
  /** Stable kebab-case id; the library's diagnostic codes pass through unchanged. */
  code: string;
  message: string;
  /** 1-based line in the pasted text. */
  line: number;
  /** 1-based column of the first marked character. */
  column: number;
  /** How many characters to mark; 0 points between characters (e.g. at the end of a line). */
  length: number;
  /** The rule behind it, e.g. 'RFC 9110 §11.6.1'. */
  rfc?: string;
};

/** A field line of the response (folded continuation lines already joined with a space). */
export type HeaderField = {
  name: string;
  value: string;
  /** Where the field name starts. */
  line: number;
  column: number;
  /** The last pasted line this field covers (> line when it was folded). */
  lastLine: number;
};

export type ChallengeHeader = 'WWW-Authenticate' | 'Proxy-Authenticate';

/** One WWW-Authenticate or Proxy-Authenticate field line and the challenges it carries. */
export type ChallengeField = {
  header: ChallengeHeader;
  line: number;
  value: string;
  /** false when the line does not parse; `challenges` is then empty. */
  ok: boolean;
  challenges: Challenge[];
};

export type AuthInfoField = {
  header: 'Authentication-Info' | 'Proxy-Authentication-Info';
  line: number;
  ok: boolean;
  params: Record<string, string>;
};

export type NextStepKind =
  | 'refused'
  | 'empty'
  | 'not-http'
  | 'answer-challenge'
  | 'no-usable-challenge'
  | 'no-challenge'
  | 'preflight-failed'
  | 'forbidden'
  | 'success'
  | 'redirect'
  | 'client-error'
  | 'server-error'
  | 'informational'
  | 'headers-only';

export type NextStep = {
  kind: NextStepKind;
  /** One or two sentences. */
  summary: string;
  /** Further points: what a browser does, what a token-holding client does. */
  notes: string[];
  /** The library's choice among the challenges, for a client holding a user name and password. */
  choice?: ClientChoice;
};

/** What the paste was read as. */
export type SourceKind = 'raw' | 'curl' | 'headers' | 'challenge' | 'none';

export type Explanation = {
  source: SourceKind;
  /** The status code of the response explained, when the paste had a status line. */
  status?: number;
  /** The reason phrase as sent ('' for HTTP/2, which has none). */
  reason?: string;
  /** RFC 9110's reason phrase for the status, for display ('' when the lab does not know it). */
  standardReason?: string;
  httpVersion?: string;
  /** The request method, when the paste showed the request (curl -v `> ` lines or a raw request). */
  requestMethod?: string;
  headers: HeaderField[];
  challenges: ChallengeField[];
  authInfo: AuthInfoField[];
  findings: Finding[];
  nextStep: NextStep;
};

/** What the rest of the response says about its challenges. */
export type ChallengeContext = {
  status?: number;
  /** Whether the request was shown and carried no credentials; undefined when it was not shown. */
  requestWithoutCredentials?: boolean;
  /** The response's HTTP-version as pasted (`HTTP/1.1`, `HTTP/2`); connection-bound schemes depend on it. */
  httpVersion?: string;
};
