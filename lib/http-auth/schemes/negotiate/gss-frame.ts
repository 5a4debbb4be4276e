import { isDer, readDer } from './der';
import { decodeOid } from './oid';
import type { NegotiateTokenFailure } from './token-types';

/**
 * RFC 2743 §3.1 InitialContextToken ::= [APPLICATION 0] IMPLICIT SEQUENCE { thisMech MechType,
 * innerContextToken ANY DEFINED BY thisMech }: the first token of a context names its mechanism.
 */
export type GssFrame = { kind: 'frame'; oid: string; oidOffset: number; inner: Uint8Array; innerOffset: number };

export function readGssFrame(bytes: Uint8Array, base = 0): GssFrame | NegotiateTokenFailure {
  const outer = readDer(bytes, 0, base);
  if (outer.kind !== 'node') return outer;
  if (!isDer(outer.node, 'application', 0)) {
    return { kind: 'unrecognised', message: 'Not a GSS-API InitialContextToken ([APPLICATION 0], RFC 2743 §3.1).', offset: base };
  }
  const content = outer.node.content;
  const mech = readDer(content, 0, outer.node.contentOffset);
  if (mech.kind !== 'node') return mech;
  const oid = isDer(mech.node, 'universal', 6) ? decodeOid(mech.node.content) : undefined;
  if (oid === undefined)
    return { kind: 'spnego-malformed', message: 'The GSS token does not start with a mechanism OID (RFC 2743 §3.1).', offset: mech.node.offset };
  return { kind: 'frame', oid, oidOffset: mech.node.offset, inner: content.subarray(mech.end), innerOffset: outer.node.contentOffset + mech.end };
}
