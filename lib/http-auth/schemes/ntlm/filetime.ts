// MS-NLMP §2.2.2.1 (MsvAvTimestamp) and §2.2.2.7 (TimeStamp) carry a Windows FILETIME: 100-nanosecond
// ticks since 1601-01-01 UTC, little-endian, 64 bits.

const TICKS_PER_MS = 10_000n;
/** Milliseconds from 1601-01-01 to 1970-01-01. */
const EPOCH_DIFFERENCE_MS = 11_644_473_600_000n;

export function filetimeFromUnixMs(ms: number): bigint {
  return (BigInt(Math.floor(ms)) + EPOCH_DIFFERENCE_MS) * TICKS_PER_MS;
}

/** Milliseconds since 1970; negative before it (the MS-NLMP test vectors use time 0, the year 1601). */
export function unixMsFromFiletime(filetime: bigint): number {
  return Number(filetime / TICKS_PER_MS - EPOCH_DIFFERENCE_MS);
}
