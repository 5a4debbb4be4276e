// Positions inside a challenge field value that the library's public result does not carry: where each
// challenge's scheme and each parameter's value start. Used only on values the library parsed without
// error, and only when it finds as many challenges as the library did, so the grammar is not redone
// here, only walked (RFC 9110 §11.3, §11.6.1).

export type LocatedParam = { name: string; nameIndex: number; valueIndex: number; valueLength: number };
export type LocatedChallenge = { scheme: string; schemeIndex: number; params: LocatedParam[] };

const TCHAR = /^[!#$%&'*+.^_`|~0-9A-Za-z-]$/;
const TOKEN68_CHAR = /^[-._~+/0-9A-Za-z]$/;

function runEnd(v: string, i: number, re: RegExp): number {
  let j = i;
  while (j < v.length && re.test(v.charAt(j))) j++;
  return j;
}

const tokenEnd = (v: string, i: number) => runEnd(v, i, TCHAR);

function owsEnd(v: string, i: number): number {
  let j = i;
  while (j < v.length && (v.charAt(j) === ' ' || v.charAt(j) === '\t')) j++;
  return j;
}

function token68End(v: string, i: number): number {
  const j = runEnd(v, i, TOKEN68_CHAR);
  if (j === i) return i;
  let k = j;
  while (v.charAt(k) === '=') k++;
  return k;
}

/** Index just past a quoted-string opening at `i` (RFC 9110 §5.6.4), or the end when it never closes. */
function quotedEnd(v: string, i: number): number {
  for (let j = i + 1; j < v.length; j++) {
    const c = v.charAt(j);
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
  }
  return v.length;
}

function skipToComma(v: string, i: number): number {
  let j = i;
  while (j < v.length && v.charAt(j) !== ',') j = v.charAt(j) === '"' ? quotedEnd(v, j) : j + 1;
  return j;
}

/** How many characters the thing at `i` spans: a quoted-string, a token68 or a token; at least 1. */
export function extentAt(v: string, i: number, code = ''): number {
  if (i >= v.length) return 0;
  if (v.charAt(i) === '"') return quotedEnd(v, i) - i;
  const end = code.includes('token68') ? token68End(v, i) : tokenEnd(v, i);
  return Math.max(1, end - i);
}

function readParam(v: string, at: number, into: LocatedChallenge): number {
  const nameEnd = tokenEnd(v, at);
  const valueIndex = owsEnd(v, owsEnd(v, nameEnd) + 1);
  const valueLength = v.charAt(valueIndex) === '"' ? quotedEnd(v, valueIndex) - valueIndex : tokenEnd(v, valueIndex) - valueIndex;
  into.params.push({ name: v.slice(at, nameEnd).toLowerCase(), nameIndex: at, valueIndex, valueLength });
  return skipToComma(v, valueIndex + valueLength);
}

const paramAt = (v: string, i: number) => {
  const t = tokenEnd(v, i);
  return t > i && v.charAt(owsEnd(v, t)) === '=';
};

/** RFC 9110 §11.3: `auth-scheme [ 1*SP ( token68 / #auth-param ) ]`, in a `#challenge` list. */
export function locateChallenges(v: string): LocatedChallenge[] {
  const out: LocatedChallenge[] = [];
  let current: LocatedChallenge | undefined;
  let i = 0;
  while (i < v.length) {
    i = owsEnd(v, i);
    if (i >= v.length) break;
    if (v.charAt(i) === ',') {
      i++;
      continue;
    }
    if (current && paramAt(v, i)) {
      i = readParam(v, i, current);
      continue;
    }
    const t = tokenEnd(v, i);
    if (t === i) {
      i = skipToComma(v, i + 1);
      continue;
    }
    current = { scheme: v.slice(i, t), schemeIndex: i, params: [] };
    out.push(current);
    i = owsEnd(v, t);
    if (i === t || i >= v.length || v.charAt(i) === ',') continue;
    // RFC 9110 §11.2: a complete token68 (followed by ',' or the end) wins over a parameter.
    const t68 = token68End(v, i);
    const k = owsEnd(v, t68);
    if (t68 > i && (k >= v.length || v.charAt(k) === ',')) i = k;
    else if (paramAt(v, i)) i = readParam(v, i, current);
    else i = skipToComma(v, i);
  }
  return out;
}
