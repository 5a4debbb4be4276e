import type { ProofDraft } from '@/lib/playground/dpop/proof-draft';
import { ExchangeView } from './ExchangeView';
import { JsonView } from './JsonView';
import type { LabExchange } from './lab-exchange';

export type ResourceCall = { exchange: LabExchange; sent: ProofDraft };

/** What a resource answer means for the next proof, read from the answer itself. */
function explains(exchange: LabExchange): string | undefined {
  if (exchange.kind !== 'answered') return undefined;
  if (exchange.answer.error?.code === 'use_dpop_nonce')
    return 'RFC 9449 §9: the resource wants a nonce of its own in the proof. The builder keeps the DPoP-Nonce it sent and puts it in the next proof.';
  if (exchange.answer.status === 200)
    return 'Every check of RFC 9449 §4.3 passed, including step 12: ath is the hash of this token and the proof’s key is the one cnf.jkt names.';
  return undefined;
}

type Props = { url: string; draft: ProofDraft; busy: boolean; calls: ResourceCall[]; onSend: () => void };

export function ResourceStep({ url, draft, busy, calls, onSend }: Props) {
  return (
    <section aria-labelledby="dpop-resource-heading" className="mt-8">
      <h3 id="dpop-resource-heading" className="text-lg font-semibold">
        3. Call the DPoP resource
      </h3>
      <p className="mt-1 max-w-3xl text-sm text-muted">
        The next proof, before it is signed: <code>typ</code>, <code>alg</code> and your public <code>jwk</code> in the header; a fresh <code>jti</code>, the
        request&apos;s <code>htm</code> and <code>htu</code>, <code>iat</code>, <code>ath</code> (the token&apos;s SHA-256) and the resource&apos;s{' '}
        <code>nonce</code> once it gave one, in the claims. <code>iat</code> is set again when you send.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <JsonView label="Proof header" value={draft.header} />
        <JsonView label="Proof claims" value={draft.claims} />
      </div>
      <button type="button" onClick={onSend} aria-disabled={busy} className="mt-2 rounded bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink">
        Sign and send GET {new URL(url).pathname}
      </button>
      {calls.map((call, index) => {
        const about = explains(call.exchange);
        return (
          <ExchangeView
            key={index}
            title={`Call ${index + 1}: GET ${new URL(url).pathname}`}
            exchange={call.exchange}
            {...(about ? { explains: about } : {})}
          />
        );
      })}
    </section>
  );
}
