import { encodeDer } from './der';

// Object identifiers (X.690 §8.19) and the mechanisms a Negotiate token names (RFC 4178 §4.1, RFC 4121
// §1, [MS-SPNG]).

export const NEGOTIATE_MECHANISMS = [
  { oid: '1.3.6.1.5.5.2', name: 'SPNEGO', note: 'the negotiation wrapper itself (RFC 4178)' },
  { oid: '1.2.840.113554.1.2.2', name: 'Kerberos V5', note: 'Kerberos through GSS-API (RFC 4121)' },
  {
    oid: '1.2.840.48018.1.2.2',
    name: 'Kerberos V5 (Microsoft)',
    note: 'the same Kerberos under the OID early Windows sent by mistake, kept for compatibility ([MS-SPNG])',
  },
  { oid: '1.2.840.113554.1.2.2.3', name: 'Kerberos V5 user-to-user', note: 'Kerberos U2U (RFC 4121 §4.1)' },
  { oid: '1.3.6.1.4.1.311.2.2.10', name: 'NTLM', note: 'NTLMSSP inside SPNEGO ([MS-NLMP], [MS-SPNG])' },
  { oid: '1.3.6.1.4.1.311.2.2.30', name: 'NegoEx', note: "Microsoft's extended negotiation ([MS-NEGOEX])" },
  { oid: '1.3.6.1.5.2.5', name: 'IAKERB', note: 'Kerberos through the server when the client cannot reach a KDC' },
] as const;

export type NegotiateMechanism = { oid: string; name: string };

export const SPNEGO_OID = '1.3.6.1.5.5.2';
export const KERBEROS_OIDS: readonly string[] = ['1.2.840.113554.1.2.2', '1.2.840.48018.1.2.2'];
export const NTLMSSP_OID = '1.3.6.1.4.1.311.2.2.10';

export function nameMechanism(oid: string): NegotiateMechanism {
  return { oid, name: NEGOTIATE_MECHANISMS.find((m) => m.oid === oid)?.name ?? 'unknown mechanism' };
}

/** X.690 §8.19: the first octet is 40·X + Y, then base-128 arcs. Undefined for an arc past 2^53 or a cut arc. */
export function decodeOid(content: Uint8Array): string | undefined {
  if (content.length === 0 || content.length > 64) return undefined;
  const arcs: number[] = [];
  let value = 0;
  for (let i = 0; i < content.length; i++) {
    const b = content[i] ?? 0;
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) return undefined;
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    } else if (i === content.length - 1) return undefined;
  }
  return arcs.join('.');
}

/** The DER OBJECT IDENTIFIER (tag 6) for a dotted OID of the lab's table. */
export function encodeOid(oid: string): Uint8Array {
  const [x = 0, y = 0, ...rest] = oid.split('.').map(Number);
  const bytes: number[] = [40 * x + y];
  for (const arc of rest) {
    const groups: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) groups.unshift((v & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return encodeDer(0x06, Uint8Array.from(bytes));
}
