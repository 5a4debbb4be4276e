import { concatBytes, decodeUtf16le, encodeUtf16le, readU16, readU32, readU64, writeU16, writeU32, writeU64 } from './bytes';
import { unixMsFromFiletime } from './filetime';

// MS-NLMP §2.2.2.1 AV_PAIR: the CHALLENGE's TargetInfo and the NTLMv2 response's copy of it are a list of
// (AvId u16, AvLen u16, Value) ending with MsvAvEOL. The client copies the server's list into its response
// and adds its own pairs (flags, channel bindings, target name), all covered by NTProofStr.

export const NTLM_AV_IDS = {
  MsvAvEOL: 0,
  MsvAvNbComputerName: 1,
  MsvAvNbDomainName: 2,
  MsvAvDnsComputerName: 3,
  MsvAvDnsDomainName: 4,
  MsvAvDnsTreeName: 5,
  MsvAvFlags: 6,
  MsvAvTimestamp: 7,
  MsvAvSingleHost: 8,
  MsvAvTargetName: 9,
  MsvAvChannelBindings: 10,
} as const;

export type NtlmAvName = Exclude<keyof typeof NTLM_AV_IDS, 'MsvAvEOL'>;
type NtlmAvTextName = 'MsvAvNbComputerName' | 'MsvAvNbDomainName' | 'MsvAvDnsComputerName' | 'MsvAvDnsDomainName' | 'MsvAvDnsTreeName' | 'MsvAvTargetName';

/** MS-NLMP §2.2.2.1 MsvAvFlags bits. */
export const NTLM_AV_FLAG_BITS = [
  { name: 'account-constrained', bit: 0x1, meaning: 'the client account authentication is constrained' },
  { name: 'mic-present', bit: 0x2, meaning: 'the AUTHENTICATE message carries a MIC' },
  { name: 'untrusted-spn', bit: 0x4, meaning: 'the target SPN came from an untrusted source' },
] as const;
export type NtlmAvFlagName = (typeof NTLM_AV_FLAG_BITS)[number]['name'];

/** One AV pair as read, with `offset` where its AvId sits in the list. */
export type NtlmAvPair =
  | { kind: 'text'; name: NtlmAvTextName; offset: number; value: string }
  | { kind: 'flags'; name: 'MsvAvFlags'; offset: number; value: number; flags: NtlmAvFlagName[] }
  | { kind: 'timestamp'; name: 'MsvAvTimestamp'; offset: number; filetime: bigint; unixMs: number }
  | { kind: 'bytes'; name: 'MsvAvSingleHost' | 'MsvAvChannelBindings'; offset: number; bytes: Uint8Array }
  | { kind: 'unknown'; id: number; offset: number; bytes: Uint8Array };

export type NtlmAvPairs = { pairs: NtlmAvPair[]; terminated: boolean };

export type NtlmAvPairsRead = { kind: 'pairs'; value: NtlmAvPairs } | { kind: 'av-pair-out-of-bounds' | 'av-pair-bad-length'; message: string; offset: number };

const NAMES_BY_ID = new Map<number, NtlmAvName>(Object.entries(NTLM_AV_IDS).flatMap(([name, id]) => (id === 0 ? [] : [[id, name as NtlmAvName]])));
const FIXED_LENGTH: Partial<Record<NtlmAvName, number>> = { MsvAvFlags: 4, MsvAvTimestamp: 8, MsvAvChannelBindings: 16 };

/** Reads pairs until MsvAvEOL or the end; one pass, so the work is bounded by the length. */
export function readNtlmAvPairs(bytes: Uint8Array): NtlmAvPairsRead {
  const pairs: NtlmAvPair[] = [];
  let at = 0;
  while (at + 4 <= bytes.length) {
    const id = readU16(bytes, at);
    const length = readU16(bytes, at + 2);
    if (id === NTLM_AV_IDS.MsvAvEOL) return { kind: 'pairs', value: { pairs, terminated: true } };
    if (at + 4 + length > bytes.length) {
      return {
        kind: 'av-pair-out-of-bounds',
        message: `The AV pair at offset ${at} says it is ${length} bytes long, past the end of the list (MS-NLMP §2.2.2.1).`,
        offset: at,
      };
    }
    const value = bytes.subarray(at + 4, at + 4 + length);
    const name = NAMES_BY_ID.get(id);
    const fixed = name === undefined ? undefined : FIXED_LENGTH[name];
    if (name !== undefined && fixed !== undefined && length !== fixed) {
      return { kind: 'av-pair-bad-length', message: `${name} must be ${fixed} bytes long, not ${length} (MS-NLMP §2.2.2.1).`, offset: at };
    }
    pairs.push(avPair(id, name, at, value));
    at += 4 + length;
  }
  if (at !== bytes.length) {
    return { kind: 'av-pair-out-of-bounds', message: `The AV pair list stops mid-pair at offset ${at} (MS-NLMP §2.2.2.1).`, offset: at };
  }
  return { kind: 'pairs', value: { pairs, terminated: false } };
}

function avPair(id: number, name: NtlmAvName | undefined, offset: number, value: Uint8Array): NtlmAvPair {
  switch (name) {
    case undefined:
      return { kind: 'unknown', id, offset, bytes: value };
    case 'MsvAvFlags': {
      const flags = readU32(value, 0);
      return { kind: 'flags', name, offset, value: flags, flags: NTLM_AV_FLAG_BITS.filter((f) => (flags & f.bit) !== 0).map((f) => f.name) };
    }
    case 'MsvAvTimestamp': {
      const filetime = readU64(value, 0);
      return { kind: 'timestamp', name, offset, filetime, unixMs: unixMsFromFiletime(filetime) };
    }
    case 'MsvAvSingleHost':
    case 'MsvAvChannelBindings':
      return { kind: 'bytes', name, offset, bytes: value };
    case 'MsvAvNbComputerName':
    case 'MsvAvNbDomainName':
    case 'MsvAvDnsComputerName':
    case 'MsvAvDnsDomainName':
    case 'MsvAvDnsTreeName':
    case 'MsvAvTargetName':
      return { kind: 'text', name, offset, value: decodeUtf16le(value) };
    default: {
      const never: never = name;
      return never;
    }
  }
}

/** What a server (or a test) puts in TargetInfo; the order is kept, MsvAvEOL is added. */
export type NtlmAvPairInput =
  | { name: NtlmAvTextName; value: string }
  | { name: 'MsvAvFlags'; value: number }
  | { name: 'MsvAvTimestamp'; filetime: bigint }
  | { name: 'MsvAvSingleHost' | 'MsvAvChannelBindings'; bytes: Uint8Array };

export function writeNtlmAvPairs(pairs: readonly NtlmAvPairInput[]): Uint8Array {
  const parts = pairs.map((pair) => {
    const value = avValue(pair);
    const head = new Uint8Array(4);
    writeU16(head, 0, NTLM_AV_IDS[pair.name]);
    writeU16(head, 2, value.length);
    return concatBytes(head, value);
  });
  return concatBytes(...parts, new Uint8Array(4)); // MsvAvEOL, AvLen 0
}

function avValue(pair: NtlmAvPairInput): Uint8Array {
  switch (pair.name) {
    case 'MsvAvFlags': {
      const out = new Uint8Array(4);
      writeU32(out, 0, pair.value);
      return out;
    }
    case 'MsvAvTimestamp': {
      const out = new Uint8Array(8);
      writeU64(out, 0, pair.filetime);
      return out;
    }
    case 'MsvAvSingleHost':
    case 'MsvAvChannelBindings':
      return pair.bytes;
    default:
      return encodeUtf16le(pair.value);
  }
}

export function findNtlmAvTimestamp(pairs: NtlmAvPairs): bigint | undefined {
  for (const p of pairs.pairs) if (p.kind === 'timestamp') return p.filetime;
  return undefined;
}
