import type { Credentials } from '@/lib/http-auth';
import type { ConnectionScheme } from '@/lib/sandbox/connection';
import { authenticateConnectionScheme } from '@/lib/sandbox/engine/schemes/ntlm-handshake';
import type { HeaderList } from '@/lib/sandbox/message';
import type { Layer } from '@/lib/sandbox/scenario/scenario';
import type { CredentialsInput } from './case-input';
import type { CredentialsCheck } from './observation';

// NTLM and Negotiate legs, through the engine's own connection-bound handshake (MS-NLMP §3.2.5, RFC 4559
// §4): the CHALLENGE is kept beside the request's connection and spent by the AUTHENTICATE that answers it
// on the same connection. The case's user is the only user; the realm only names the case.

/** `fields`: what the success carries, e.g. Negotiate's final SPNEGO token (RFC 4559 §5). */
export type HandshakeCheck = { check: CredentialsCheck; malformed: boolean; challenge?: string; fields?: HeaderList };

function caseLayer(input: CredentialsInput, scheme: ConnectionScheme): Layer {
  const { username, password } = input.compatCase.credentials;
  return {
    realm: input.compatCase.id,
    schemes: [{ kind: scheme === 'NTLM' ? 'ntlm' : 'negotiate' }],
    challengeLayout: 'several-lines',
    users: [{ name: username, password, roles: [] }],
    forbiddenStatus: 403,
  };
}

export async function checkHandshakeForCase(input: CredentialsInput, credentials: Credentials, scheme: ConnectionScheme): Promise<HandshakeCheck> {
  const hop = input.field === 'Proxy-Authorization' ? 'proxy' : 'origin';
  const outcome = await authenticateConnectionScheme(
    { hop, layer: caseLayer(input, scheme), request: input.request, ctx: input.ctx, fieldValue: input.fieldValue, credentials },
    scheme,
  );
  if (outcome.kind === 'authenticated')
    return { check: { kind: 'verified', user: outcome.user }, malformed: false, ...(outcome.fields ? { fields: outcome.fields } : {}) };
  if (outcome.hint.kind === 'connection-challenge') {
    return { check: { kind: 'handshake-continues' }, malformed: false, challenge: `${outcome.hint.scheme} ${outcome.hint.token}` };
  }
  const reason = outcome.trace.find((step) => step.kind === 'connection-refused');
  return {
    check: { kind: 'refused', reason: reason?.kind === 'connection-refused' ? reason.reason : 'refused', detail: outcome.detail },
    malformed: outcome.status === 400,
  };
}
