import { toHex } from './bytes';
import type { NtlmBytesField, NtlmField, NtlmTextField } from './fields';
import type { NtlmAuthenticateMessage, NtlmChallengeMessage, NtlmMessage, NtlmNegotiateMessage } from './message';

// A message as rows in wire order, for a table a learner reads byte range by byte range: the fixed part
// first (MS-NLMP §2.2.1.1-§2.2.1.3), then each value of the Payload at the offset its field points to.

export type NtlmLayoutRow = { part: 'fixed' | 'payload'; name: string; offset: number; length: number; value: string };

const TYPE_NAMES = { negotiate: 'NEGOTIATE', challenge: 'CHALLENGE', authenticate: 'AUTHENTICATE' } as const;

export function ntlmMessageLayout(message: NtlmMessage): NtlmLayoutRow[] {
  const head: NtlmLayoutRow[] = [
    { part: 'fixed', name: 'Signature', offset: 0, length: 8, value: 'NTLMSSP\\0' },
    { part: 'fixed', name: 'MessageType', offset: 8, length: 4, value: `${message.messageType} (${TYPE_NAMES[message.kind]})` },
  ];
  const { fixed, payload } = bodyRows(message);
  const version = message.version && { part: 'fixed' as const, name: 'Version', offset: versionOffset(message), length: 8, value: message.version.text };
  const rows = [...head, ...fixed, ...(version ? [version] : [])];
  if (message.kind === 'authenticate' && message.mic) rows.push({ part: 'fixed', name: 'MIC', offset: 72, length: 16, value: toHex(message.mic.bytes) });
  rows.sort((a, b) => a.offset - b.offset);
  return [...rows, ...payload.sort((a, b) => a.offset - b.offset)];
}

function versionOffset(message: NtlmMessage): number {
  switch (message.kind) {
    case 'negotiate':
      return 32;
    case 'challenge':
      return 48;
    case 'authenticate':
      return 64;
    default: {
      const never: never = message;
      return never;
    }
  }
}

type Rows = { fixed: NtlmLayoutRow[]; payload: NtlmLayoutRow[] };

function flagsRow(message: NtlmMessage, offset: number): NtlmLayoutRow {
  const hex = `0x${message.flags.value.toString(16).padStart(8, '0')}`;
  return { part: 'fixed', name: 'NegotiateFlags', offset, length: 4, value: `${hex}: ${message.flags.names.join(', ') || 'none'}` };
}

/** The 8-byte field in the fixed part, and the value it points to in the Payload (if not empty). */
function field(name: string, f: NtlmField, value: string, rows: Rows): void {
  rows.fixed.push({
    part: 'fixed',
    name: `${name}Fields`,
    offset: f.headerOffset,
    length: 8,
    value: `Len ${f.length}, MaxLen ${f.maxLength}, BufferOffset ${f.offset}`,
  });
  if (f.length > 0) rows.payload.push({ part: 'payload', name, offset: f.offset, length: f.length, value });
}

const text = (f: NtlmTextField) => JSON.stringify(f.value);
const bytes = (f: NtlmBytesField) => toHex(f.bytes);

function bodyRows(message: NtlmMessage): Rows {
  switch (message.kind) {
    case 'negotiate':
      return negotiateRows(message);
    case 'challenge':
      return challengeRows(message);
    case 'authenticate':
      return authenticateRows(message);
    default: {
      const never: never = message;
      return never;
    }
  }
}

function negotiateRows(m: NtlmNegotiateMessage): Rows {
  const rows: Rows = { fixed: [flagsRow(m, 12)], payload: [] };
  if (m.domain) field('DomainName', m.domain, text(m.domain), rows);
  if (m.workstation) field('Workstation', m.workstation, text(m.workstation), rows);
  return rows;
}

function challengeRows(m: NtlmChallengeMessage): Rows {
  const rows: Rows = {
    fixed: [flagsRow(m, 20), { part: 'fixed', name: 'ServerChallenge', offset: 24, length: 8, value: toHex(m.serverChallenge) }],
    payload: [],
  };
  // §2.2.1.2 Reserved: eight bytes that MUST be zero; shown, since a sender that fills them is worth seeing.
  if (m.bytes.length >= 40) rows.fixed.push({ part: 'fixed', name: 'Reserved', offset: 32, length: 8, value: toHex(m.bytes.subarray(32, 40)) });
  field('TargetName', m.targetName, text(m.targetName), rows);
  if (m.targetInfo) {
    const pairs = m.targetInfo.avPairs.pairs.map((p) => {
      switch (p.kind) {
        case 'text':
          return `${p.name}=${JSON.stringify(p.value)}`;
        case 'flags':
          return `${p.name}=0x${p.value.toString(16)}`;
        case 'timestamp':
          return `${p.name}=${Number.isFinite(p.unixMs) && Math.abs(p.unixMs) < 8.64e15 ? new Date(p.unixMs).toISOString() : p.filetime.toString()}`;
        case 'bytes':
          return `${p.name}=${toHex(p.bytes)}`;
        case 'unknown':
          return `AvId ${p.id}=${toHex(p.bytes)}`;
        default: {
          const never: never = p;
          return never;
        }
      }
    });
    field('TargetInfo', m.targetInfo, pairs.join('; '), rows);
  }
  return rows;
}

function authenticateRows(m: NtlmAuthenticateMessage): Rows {
  const rows: Rows = { fixed: [flagsRow(m, 60)], payload: [] };
  const nt = m.ntResponse.response;
  const ntValue = nt.kind === 'ntlmv2' ? `NTLMv2: NTProofStr ${toHex(nt.ntProofStr)}, blob of ${nt.blob.length} bytes` : `${nt.kind}: ${bytes(m.ntResponse)}`;
  field('LmChallengeResponse', m.lmResponse, bytes(m.lmResponse), rows);
  field('NtChallengeResponse', m.ntResponse, ntValue, rows);
  field('DomainName', m.domain, text(m.domain), rows);
  field('UserName', m.user, text(m.user), rows);
  field('Workstation', m.workstation, text(m.workstation), rows);
  field('EncryptedRandomSessionKey', m.encryptedRandomSessionKey, bytes(m.encryptedRandomSessionKey), rows);
  return rows;
}
