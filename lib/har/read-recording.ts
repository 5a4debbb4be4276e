import { parseCurlVerbose } from './curl-verbose';
import type { RecordingRead } from './exchange';
import { type HarReadOptions, parseHar } from './parse-har';

// One entry point for what the reader drops or pastes: a HAR file is JSON, anything else is read as curl -v.

/** A HAR (JSON, starting with '{' after any byte order mark and whitespace) or curl -v output. Never throws. */
export function readRecording(input: string | Uint8Array, options: HarReadOptions = {}): RecordingRead {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return parseHar(text, options);
  return parseCurlVerbose(text);
}
