import { parseCurlVerbose } from './curl-verbose';
import type { RecordingRead } from './exchange';
import { type HarReadOptions, parseHar } from './parse-har';

// One entry point for what the reader drops or pastes: a HAR file is JSON, anything else is read as curl -v.

/** A HAR (JSON, starting with '{' after any byte order mark and whitespace) or curl -v output. Never throws. */
export function readRecording(input: string | Uint8Array, options: HarReadOptions = {}): RecordingRead {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return parseHar(text, options);
  const curl = parseCurlVerbose(text);
  if (curl.kind === 'recording' || /^[<>] /m.test(text)) return curl;
  // Neither JSON nor a single curl line: a screenshot, a zip, a log. Say what the page reads.
  return {
    kind: 'unreadable',
    format: 'unknown',
    expected: "a HAR file (JSON, saved from a browser's DevTools or a proxy) or the output of curl -v",
    where: 'the start of the file',
    message: 'This is neither a HAR file nor curl -v output: a HAR starts with "{", and curl -v output has lines starting with "> " and "< ".',
  };
}
