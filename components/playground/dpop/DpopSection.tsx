import { DpopBuilder } from './DpopBuilder';

/** The playground's DPoP proof builder section, linkable as /playground#dpop. */
export function DpopSection() {
  return (
    <section id="dpop" aria-labelledby="dpop-heading" className="mt-12 scroll-mt-20 border-t border-line pt-8">
      <h2 id="dpop-heading" className="text-2xl font-bold">
        DPoP proof builder
      </h2>
      <p className="mt-2 max-w-3xl text-muted">
        A DPoP-bound token (RFC 9449) is useless without the key it is bound to: every request carries a fresh proof, a small JWT signed with that key. Make a
        key in this browser, get a token bound to it from the lab, watch the proof&apos;s header and claims, then break one field at a time and read which check
        refuses it. Every request is real and goes to the lab on this site, with no cookies.
      </p>
      <noscript>
        <p className="mt-4 rounded-md border border-line bg-surface p-3">
          The proof builder needs JavaScript: the key and the proofs are made in your browser.
        </p>
      </noscript>
      <DpopBuilder />
    </section>
  );
}
