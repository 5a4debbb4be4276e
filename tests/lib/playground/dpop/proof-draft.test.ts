// The proof builder's own JOSE work, held to lib/http-auth's proof check (RFC 9449 §4.3): the draft it shows,
// signed, is a valid proof; the unsigned and the altered ones fail the step each breaks.
import { exportJWK, generateKeyPair } from 'jose';
import { checkDpopProof, jwkThumbprint } from '@/lib/http-auth';
import { alterSignature, draftProof, newJti, readProof, signProof, unsignedProof } from '@/lib/playground/dpop/proof-draft';

const RESOURCE_URL = 'http://lab.test/api/sandbox/oauth/dpop';
const NOW = Date.UTC(2026, 11, 6, 12);

async function setUp() {
  const pair = await generateKeyPair('ES256');
  const publicJwk = await exportJWK(pair.publicKey);
  const draft = draftProof({ publicJwk, htm: 'GET', htu: RESOURCE_URL, iat: NOW / 1000, jti: newJti(), accessToken: 'a-token', nonce: 'n-1' });
  const check = (proof: string) =>
    checkDpopProof(proof, { method: 'GET', url: RESOURCE_URL, now: NOW, allowedAlgs: ['ES256'], expectedNonce: 'n-1', accessToken: 'a-token' });
  return { pair, publicJwk, draft, check };
}

test('the draft, signed, is the proof a server accepts, with the header and claims the builder showed', async () => {
  const { pair, publicJwk, draft, check } = await setUp();
  const proof = await signProof(draft, pair.privateKey);
  await expect(check(proof)).resolves.toMatchObject({ kind: 'valid', jkt: await jwkThumbprint(publicJwk), jti: draft.claims.jti });
  expect(readProof(proof)).toEqual({ header: draft.header, claims: draft.claims });
});

test('alg none with no signature is refused as none (§4.3 step 5)', async () => {
  const { draft, check } = await setUp();
  await expect(check(unsignedProof(draft))).resolves.toMatchObject({ kind: 'alg-not-allowed', problem: 'none' });
});

test('one changed character of the signature fails the signature check (§4.3 step 6)', async () => {
  const { pair, draft, check } = await setUp();
  const proof = await signProof(draft, pair.privateKey);
  const altered = alterSignature(proof);
  expect(altered).not.toBe(proof);
  expect(altered.split('.').slice(0, 2)).toEqual(proof.split('.').slice(0, 2));
  await expect(check(altered)).resolves.toMatchObject({ kind: 'bad-signature' });
});
