'use client';

import { oauthRunSecrets } from '@/lib/playground/oauth-run';
import type { Transcript } from '@/lib/sandbox/exchange/input';
import { AccessTokenView } from './AccessTokenView';
import { PkceHelper } from './PkceHelper';

/** After an oauth-mode run: its PKCE pair worked by hand, and the token it got, decoded. */
export function OAuthRunDetails({ transcript }: { transcript: Transcript }) {
  const secrets = oauthRunSecrets(transcript);
  return (
    <div className="space-y-4">
      {/* A new run starts the helper on its own verifier. */}
      <PkceHelper key={secrets.verifier?.value ?? secrets.challenge?.value ?? 'none'} runVerifier={secrets.verifier} runChallenge={secrets.challenge} />
      {secrets.accessToken ? (
        <AccessTokenView token={secrets.accessToken} transcript={transcript} />
      ) : (
        <p className="text-sm text-muted">This run got no access token, so there is none to decode.</p>
      )}
    </div>
  );
}
