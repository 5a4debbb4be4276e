import type { DpopKey } from './dpop-key';
import { JsonView } from './JsonView';

export function KeyStep({ dpopKey, busy, onGenerate }: { dpopKey: DpopKey | undefined; busy: boolean; onGenerate: () => void }) {
  return (
    <section aria-labelledby="dpop-key-heading" className="mt-6">
      <h3 id="dpop-key-heading" className="text-lg font-semibold">
        1. Generate a key
      </h3>
      <p className="mt-1 max-w-3xl text-sm text-muted">
        WebCrypto makes an ECDSA P-256 key pair for ES256. The private key is not extractable: this page can sign with it but never read it. The public key goes
        into every proof&apos;s header as a JWK; its RFC 7638 thumbprint is what a bound token names in <code>cnf.jkt</code> (RFC 9449 §6.1).
      </p>
      <button type="button" onClick={onGenerate} aria-disabled={busy} className="mt-2 rounded bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink">
        {dpopKey ? 'Generate a new key' : 'Generate a key'}
      </button>
      {dpopKey ? (
        <>
          <JsonView label="Public key (JWK)" value={dpopKey.publicJwk} />
          <p className="mt-2 text-sm">
            <span className="font-semibold">Thumbprint (jkt): </span>
            <code className="break-all">{dpopKey.jkt}</code>
          </p>
        </>
      ) : null}
    </section>
  );
}
