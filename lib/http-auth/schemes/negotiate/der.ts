// Just enough DER (ITU-T X.690 §8, §10) to walk SPNEGO and the outside of a Kerberos token: one TLV at a
// time, definite lengths only (DER forbids the indefinite form, §10.1), low tag numbers only (SPNEGO and
// Kerberos use none above 30). Nothing recurses on the input: callers follow a fixed path a few levels
// deep, and a list is read at most DER_MAX_ELEMENTS long, so hostile input costs one bounded pass.

export type DerClass = 'universal' | 'application' | 'context' | 'private';

export type DerNode = {
  tagClass: DerClass;
  constructed: boolean;
  /** The tag number within its class: 16 for SEQUENCE, 6 for OBJECT IDENTIFIER, n for [n]. */
  tagNumber: number;
  /** Where the identifier octet sits in the token. */
  offset: number;
  content: Uint8Array;
  /** Offset of the content in the token, for messages that point at a byte. */
  contentOffset: number;
};

export type DerFailureKind = 'der-truncated' | 'der-indefinite-length' | 'der-bad-length' | 'der-high-tag' | 'der-too-many-elements';
export type DerFailure = { kind: DerFailureKind; message: string; offset: number };
export type DerRead = { kind: 'node'; node: DerNode; end: number } | DerFailure;

export const DER_MAX_ELEMENTS = 64;
const CLASSES: readonly DerClass[] = ['universal', 'application', 'context', 'private'];

/** Reads the TLV at `at` of `bytes`; `base` is the offset of `bytes` in the whole token. */
export function readDer(bytes: Uint8Array, at: number, base = 0): DerRead {
  const id = bytes[at];
  if (id === undefined) return { kind: 'der-truncated', message: 'The token ends where a DER element should start (X.690 §8.1).', offset: base + at };
  if ((id & 0x1f) === 0x1f)
    return { kind: 'der-high-tag', message: 'A DER tag above 30 appears, which neither SPNEGO nor Kerberos uses (X.690 §8.1.2.4).', offset: base + at };
  const first = bytes[at + 1];
  if (first === undefined) return { kind: 'der-truncated', message: 'The token ends inside a DER length (X.690 §8.1.3).', offset: base + at + 1 };
  let length = first;
  let lengthBytes = 1;
  if (first === 0x80)
    return {
      kind: 'der-indefinite-length',
      message: 'An indefinite length (0x80) is BER, not DER (X.690 §10.1); SPNEGO tokens are DER (RFC 4178 §4.2).',
      offset: base + at + 1,
    };
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4)
      return {
        kind: 'der-bad-length',
        message: `A DER length of ${count} bytes is more than any token here can need (X.690 §8.1.3.5).`,
        offset: base + at + 1,
      };
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[at + 2 + i];
      if (b === undefined) return { kind: 'der-truncated', message: 'The token ends inside a DER length (X.690 §8.1.3).', offset: base + at + 2 + i };
      length = length * 256 + b;
    }
    lengthBytes += count;
  }
  const contentStart = at + 1 + lengthBytes;
  const end = contentStart + length;
  if (end > bytes.length) {
    return {
      kind: 'der-truncated',
      message: `A DER element says ${length} bytes of content, but only ${bytes.length - contentStart} follow (X.690 §8.1.3).`,
      offset: base + at,
    };
  }
  const node: DerNode = {
    tagClass: CLASSES[id >> 6] ?? 'universal',
    constructed: (id & 0x20) !== 0,
    tagNumber: id & 0x1f,
    offset: base + at,
    content: bytes.subarray(contentStart, end),
    contentOffset: base + contentStart,
  };
  return { kind: 'node', node, end };
}

/** The elements of a constructed node's content, in order; at most DER_MAX_ELEMENTS. */
export function readDerChildren(node: DerNode): { kind: 'nodes'; nodes: DerNode[] } | DerFailure {
  const nodes: DerNode[] = [];
  let at = 0;
  while (at < node.content.length) {
    if (nodes.length === DER_MAX_ELEMENTS) {
      return {
        kind: 'der-too-many-elements',
        message: `More than ${DER_MAX_ELEMENTS} elements in one DER list; the lab stops reading there.`,
        offset: node.contentOffset + at,
      };
    }
    const read = readDer(node.content, at, node.contentOffset);
    if (read.kind !== 'node') return read;
    nodes.push(read.node);
    at = read.end;
  }
  return { kind: 'nodes', nodes };
}

/** The one element inside an explicit [n] wrapper, X.690 §8.14. */
export function readDerInner(node: DerNode): DerRead {
  return readDer(node.content, 0, node.contentOffset);
}

export function isDer(node: DerNode, tagClass: DerClass, tagNumber: number): boolean {
  return node.tagClass === tagClass && node.tagNumber === tagNumber;
}

/** Encodes one TLV (definite length), for the tokens the lab builds. */
export function encodeDer(identifier: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(1 + length.length + n);
  out[0] = identifier;
  out.set(length, 1);
  out.set(content, 1 + length.length);
  return out;
}
