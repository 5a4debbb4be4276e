// npm run bench:http-auth — parse operations per second for a realistic mix of 20 header values,
// through lib/http-auth and through auth-header (a widely used parser) in the same run.
// One operation = parsing one header value. Rounds alternate between the two parsers and the median
// is reported, so neither profits from running second on a warmer machine.

// @ts-expect-error -- auth-header ships no type declarations; its shape is declared just below.
import { parse as authHeaderParseUntyped } from 'auth-header';
import { parseChallenges, parseCredentials } from '../lib/http-auth';

type AuthHeaderResult = { scheme: string; token: string | string[] | null; params: Record<string, string | string[]> };
const authHeaderParse = authHeaderParseUntyped as (value: string) => AuthHeaderResult;

type Header = { name: 'WWW-Authenticate' | 'Authorization'; value: string };

const MIX: Header[] = [
  { name: 'WWW-Authenticate', value: 'Basic realm="WallyWorld"' },
  { name: 'WWW-Authenticate', value: 'Basic realm="foo", charset="UTF-8"' },
  { name: 'WWW-Authenticate', value: 'Bearer realm="example"' },
  { name: 'WWW-Authenticate', value: 'Bearer realm="example", error="invalid_token", error_description="The access token expired"' },
  { name: 'WWW-Authenticate', value: 'Bearer realm="api", scope="openid profile email", error="insufficient_scope"' },
  {
    name: 'WWW-Authenticate',
    value:
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
  },
  {
    name: 'WWW-Authenticate',
    value:
      'Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", charset=UTF-8, userhash=true',
  },
  { name: 'WWW-Authenticate', value: 'Basic realm="simple", Newauth realm="apps", type=1, title="Login to \\"apps\\""' },
  { name: 'WWW-Authenticate', value: 'Negotiate, NTLM' },
  { name: 'WWW-Authenticate', value: 'Bearer realm="api", Basic realm="api", charset="UTF-8"' },
  { name: 'WWW-Authenticate', value: 'Basic realm="Registry Realm"' },
  { name: 'WWW-Authenticate', value: 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"' },
  { name: 'Authorization', value: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' },
  { name: 'Authorization', value: 'Basic dGVzdDoxMjPCow==' },
  { name: 'Authorization', value: 'Bearer mF_9.B5f-4.1JqM' },
  {
    name: 'Authorization',
    value:
      'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  },
  {
    name: 'Authorization',
    value:
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
  },
  {
    name: 'Authorization',
    value:
      'Digest username="488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec", realm="api@example.org", uri="/doe.json", algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", nc=00000001, cnonce="NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", qop=auth, response="ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", userhash=true',
  },
  { name: 'Authorization', value: 'bearer 2YotnFZFEjr1zCsicMWpAA' },
  { name: 'Authorization', value: 'Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCg==' },
];

function ours(h: Header): unknown {
  return h.name === 'Authorization' ? parseCredentials(h.value) : parseChallenges(h.value);
}

function theirs(h: Header): unknown {
  try {
    return authHeaderParse(h.value);
  } catch (e) {
    return e; // auth-header throws on some valid values (e.g. a scheme with no space after it)
  }
}

let sink = 0; // keeps results alive so the JIT cannot drop the work

function opsPerSecond(parse: (h: Header) => unknown, budgetMs: number): number {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 200; i++) for (const h of MIX) if (parse(h)) sink++;
    ops += 200 * MIX.length;
    elapsed = performance.now() - start;
  }
  return (ops / elapsed) * 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function run(): void {
  opsPerSecond(ours, 300); // warm-up
  opsPerSecond(theirs, 300);
  const rounds = { ours: [] as number[], theirs: [] as number[] };
  for (let r = 0; r < 5; r++) {
    rounds.ours.push(opsPerSecond(ours, 400));
    rounds.theirs.push(opsPerSecond(theirs, 400));
  }
  const a = median(rounds.ours);
  const b = median(rounds.theirs);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
  console.log(`Parse operations per second, mix of ${MIX.length} headers (median of 5 rounds, Node ${process.version})`);
  console.log(`  lib/http-auth ${fmt(a)} ops/s  (full RFC 9110 grammar, diagnostics, warnings)`);
  console.log(`  auth-header   ${fmt(b)} ops/s`);
  console.log(`  ratio         ${(a / b).toFixed(2)}x`);
  reportCorrectness();
  if (sink < 0) console.log(sink);
}

/** Where the two disagree on this mix: how many challenges each finds in a WWW-Authenticate value. */
function reportCorrectness(): void {
  console.log('\nChallenges found per WWW-Authenticate value (lib/http-auth vs auth-header):');
  for (const h of MIX) {
    if (h.name !== 'WWW-Authenticate') continue;
    const r = parseChallenges(h.value);
    const mine = r.ok ? r.value.map((c) => c.scheme).join(' + ') : `error ${r.error.code}`;
    const other = theirs(h);
    const theirsText = other instanceof Error ? `throws: ${other.message}` : (other as AuthHeaderResult).scheme;
    if (mine !== theirsText) console.log(`  ${h.value.slice(0, 60).padEnd(60)}  ${mine}  |  ${theirsText}`);
  }
}

run();
