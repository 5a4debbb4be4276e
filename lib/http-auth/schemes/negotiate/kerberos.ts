import { type DerNode, isDer, readDer, readDerChildren, readDerInner } from './der';
import { type NegotiateMechanism } from './oid';

// A Kerberos token inside Negotiate, recognised and explained rather than verified: checking it needs the
// service's key from a KDC (a keytab), and the lab has no KDC. RFC 4121 §4.1: after the mechanism OID of
// the GSS framing come a two-byte TOK_ID and the Kerberos message; RFC 4120 §5.5.1 gives the AP-REQ.

export type KerberosTokenId = 'AP-REQ' | 'AP-REP' | 'KRB-ERROR' | 'unknown';

export type KerberosToken = {
  mechanism: NegotiateMechanism;
  tokenId: KerberosTokenId;
  /** From the AP-REQ's ticket, when it could be read: who the ticket is for, and how it is encrypted. */
  ticket: { realm: string; serverName: string; encryptionType: number; encryptionName: string } | undefined;
  explanation: string;
};

const TOKEN_IDS: Record<number, KerberosTokenId> = { 0x0100: 'AP-REQ', 0x0200: 'AP-REP', 0x0300: 'KRB-ERROR' };
/** RFC 3961 §8 and RFC 8009: the encryption types a ticket names. */
const ENCRYPTION_TYPES: Record<number, string> = {
  17: 'aes128-cts-hmac-sha1-96',
  18: 'aes256-cts-hmac-sha1-96',
  19: 'aes128-cts-hmac-sha256-128',
  20: 'aes256-cts-hmac-sha384-192',
  23: 'rc4-hmac (deprecated, RFC 8429)',
};

/** `rest` is what follows the mechanism OID in the GSS token: TOK_ID, then the Kerberos message. */
export function readKerberosToken(mechanism: NegotiateMechanism, rest: Uint8Array, restOffset: number): KerberosToken {
  const tokenId = TOKEN_IDS[((rest[0] ?? 0) << 8) | (rest[1] ?? 0)] ?? 'unknown';
  const ticket = tokenId === 'AP-REQ' ? readApReqTicket(rest.subarray(2), restOffset + 2) : undefined;
  return { mechanism, tokenId, ticket, explanation: explain(tokenId, ticket) };
}

function explain(tokenId: KerberosTokenId, ticket: KerberosToken['ticket']): string {
  const noKdc = 'The lab has no KDC and no keytab, so it cannot check Kerberos: it recognises the token and explains it instead of calling it garbage.';
  switch (tokenId) {
    case 'AP-REQ': {
      const target = ticket ? ` for ${ticket.serverName}@${ticket.realm}, encrypted with ${ticket.encryptionName}` : '';
      return `A Kerberos AP-REQ (RFC 4120 §5.5.1): a service ticket${target}, issued by the client's KDC, and an authenticator under the ticket's session key. Only the service's own key can open the ticket. ${noKdc} A real server would answer 200, with a final Negotiate token for mutual authentication (RFC 4559 §5), or 401.`;
    }
    case 'AP-REP':
      return `A Kerberos AP-REP (RFC 4120 §5.5.2), the server's answer for mutual authentication; clients do not send it. ${noKdc}`;
    case 'KRB-ERROR':
      return `A Kerberos KRB-ERROR (RFC 4120 §5.9.1) wrapped in GSS-API. ${noKdc}`;
    case 'unknown':
      return `A Kerberos GSS token with a TOK_ID that is not AP-REQ, AP-REP or KRB-ERROR (RFC 4121 §4.1). ${noKdc}`;
    default: {
      const never: never = tokenId;
      return never;
    }
  }
}

/** AP-REQ ::= [APPLICATION 14] SEQUENCE { pvno [0], msg-type [1], ap-options [2], ticket [3] Ticket, authenticator [4] }. */
function readApReqTicket(bytes: Uint8Array, offset: number): KerberosToken['ticket'] {
  const apReq = readDer(bytes, 0, offset);
  if (apReq.kind !== 'node' || !isDer(apReq.node, 'application', 14)) return undefined;
  const ticket = explicit(sequenceOf(apReq.node), 3);
  if (!ticket || !isDer(ticket, 'application', 1)) return undefined;
  // Ticket ::= [APPLICATION 1] SEQUENCE { tkt-vno [0], realm [1], sname [2] PrincipalName, enc-part [3] }
  const fields = sequenceOf(ticket);
  const realm = explicit(fields, 1);
  const sname = explicit(fields, 2);
  const encPart = explicit(fields, 3);
  if (!realm || !sname || !encPart) return undefined;
  // PrincipalName ::= SEQUENCE { name-type [0], name-string [1] SEQUENCE OF KerberosString }
  const names = explicit(childrenOf(sname), 1);
  const etype = explicit(childrenOf(encPart), 0);
  if (!names || !etype) return undefined;
  const encryptionType = integer(etype.content);
  return {
    realm: ascii(realm.content),
    serverName: childrenOf(names)
      .map((n) => ascii(n.content))
      .join('/'),
    encryptionType,
    encryptionName: ENCRYPTION_TYPES[encryptionType] ?? `encryption type ${encryptionType}`,
  };
}

function childrenOf(node: DerNode): DerNode[] {
  const read = readDerChildren(node);
  return read.kind === 'nodes' ? read.nodes : [];
}

/** The SEQUENCE inside an [APPLICATION n] wrapper, as its list of elements. */
function sequenceOf(node: DerNode): DerNode[] {
  const inner = readDerInner(node);
  return inner.kind === 'node' && isDer(inner.node, 'universal', 16) ? childrenOf(inner.node) : [];
}

/** The element inside the [n] context tag among `nodes`. */
function explicit(nodes: readonly DerNode[], n: number): DerNode | undefined {
  const wrapper = nodes.find((node) => isDer(node, 'context', n));
  if (!wrapper) return undefined;
  const inner = readDerInner(wrapper);
  return inner.kind === 'node' ? inner.node : undefined;
}

function integer(content: Uint8Array): number {
  let value = 0;
  for (const b of content.subarray(0, 4)) value = value * 256 + b;
  return value;
}

function ascii(content: Uint8Array): string {
  let out = '';
  for (const b of content.subarray(0, 256)) out += String.fromCharCode(b);
  return out;
}
