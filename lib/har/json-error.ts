// Where a JSON text stops being JSON (RFC 8259), as an offset: run only after JSON.parse failed, because
// engines say it differently (V8: often no position at all; Firefox: line and column) and the reader needs
// the line to look at. A small scanner that checks the grammar and builds nothing.

const WS = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The offset of the first character that breaks the grammar (text.length when the text ends too soon); -1 when it is JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text.charAt(i))) i++;
  };
  const fail = (): never => {
    throw new Stop(i);
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const next = text.charAt(i + 1);
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else fail();
      } else i++;
    }
    fail();
  };
  const value = (): void => {
    skip();
    const c = text.charAt(i);
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    for (const literal of LITERALS) if (text.startsWith(literal, i)) return void (i += literal.length);
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) return void (i = NUMBER.lastIndex);
    fail();
  };
  const container = (close: string, keyed: boolean): void => {
    i++;
    skip();
    if (text.charAt(i) === close) return void i++;
    for (;;) {
      if (keyed) {
        skip();
        if (text.charAt(i) !== '"') fail();
        string();
        skip();
        if (text.charAt(i) !== ':') fail();
        i++;
      }
      value();
      skip();
      const c = text.charAt(i);
      if (c === close) return void i++;
      if (c !== ',') fail();
      i++;
    }
  };
  try {
    value();
    skip();
    return i < text.length ? i : -1;
  } catch (error) {
    if (error instanceof Stop) return error.at;
    return 0; // nested too deep for the stack: point at the start
  }
}

class Stop {
  constructor(readonly at: number) {}
}

/** "line L, column C" (1-based) of an offset, or "the end of the file". */
export function lineColumn(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}
