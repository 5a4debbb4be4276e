import type { Diagnostic, ParseResult } from './types';

export function diagnostic(code: string, message: string, index: number): Diagnostic {
  return { code, message, index };
}

export function success<T>(value: T, warnings: Diagnostic[] = []): ParseResult<T> {
  return { ok: true, value, warnings };
}

export function failure<T>(code: string, message: string, index: number): ParseResult<T> {
  return { ok: false, error: diagnostic(code, message, index) };
}

/** Names a character so a message reads well even for whitespace and control characters. */
export function describeChar(input: string, index: number): string {
  if (index >= input.length) return 'the end of the value';
  const code = input.charCodeAt(index);
  switch (code) {
    case 0x20:
      return 'a space';
    case 0x09:
      return 'a tab';
    case 0x0d:
      return 'a carriage return';
    case 0x0a:
      return 'a line feed';
    default:
      break;
  }
  if (code < 0x20 || code === 0x7f) return `control character U+${hex4(code)}`;
  return `'${input.charAt(index)}'`;
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}
