import { PROOF_BREAKS, type ProofBreakKind } from '@/lib/playground/dpop/proof-breaks';
import { ExchangeView } from './ExchangeView';
import { JsonView } from './JsonView';
import type { LabExchange } from './lab-exchange';

export type BreakResult =
  { kind: ProofBreakKind; exchange: LabExchange; sent: { header: unknown; claims: unknown } | undefined } | { kind: ProofBreakKind; unavailable: string };

type Props = {
  chosen: ProofBreakKind;
  busy: boolean;
  result: BreakResult | undefined;
  onChoose: (kind: ProofBreakKind) => void;
  onSend: () => void;
};

export function BreakStep({ chosen, busy, result, onChoose, onSend }: Props) {
  const label = (kind: ProofBreakKind) => PROOF_BREAKS.find((entry) => entry.kind === kind);
  return (
    <section aria-labelledby="dpop-break-heading" className="mt-8">
      <h3 id="dpop-break-heading" className="text-lg font-semibold">
        4. Break one field
      </h3>
      <p className="mt-1 max-w-3xl text-sm text-muted">
        Pick one thing to get wrong and send: the rest of the request is the good one from step 3, with a fresh proof. The lab&apos;s answer says which check of
        RFC 9449 refused it.
      </p>
      <fieldset className="mt-2">
        <legend className="text-sm font-semibold">Field to break</legend>
        <div className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
          {PROOF_BREAKS.map((entry) => (
            <label key={entry.kind} className="flex items-center gap-2">
              <input type="radio" name="dpop-break" value={entry.kind} checked={chosen === entry.kind} onChange={() => onChoose(entry.kind)} />
              {entry.label}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="button" onClick={onSend} aria-disabled={busy} className="mt-2 rounded bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink">
        Send the broken request
      </button>
      {result ? (
        <div>
          <p className="mt-3 text-sm">
            <span className="font-semibold">Broken: </span>
            {label(result.kind)?.label}. {label(result.kind)?.changes}
          </p>
          {'unavailable' in result ? (
            <p className="mt-1 text-sm">{result.unavailable}</p>
          ) : (
            <>
              <ExchangeView title={`Broken request: ${label(result.kind)?.label}`} exchange={result.exchange} />
              {result.sent ? (
                <div className="grid gap-3 md:grid-cols-2">
                  <JsonView label="Header sent" value={result.sent.header} />
                  <JsonView label="Claims sent" value={result.sent.claims} />
                </div>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
