'use client';

import { useRef, useState } from 'react';
import { breakRequest, type ProofBreakKind } from '@/lib/playground/dpop/proof-breaks';
import { draftProof, newJti, readProof, signProof, type ProofDraft } from '@/lib/playground/dpop/proof-draft';
import { DPOP_PATH, WHOAMI_PATH } from '@/lib/sandbox/oauth/lab-metadata';
import { BreakStep, type BreakResult } from './BreakStep';
import { generateDpopKey, type DpopKey } from './dpop-key';
import { KeyStep } from './KeyStep';
import { answerField, sendToLab, type LabExchange } from './lab-exchange';
import { ResourceStep, type ResourceCall } from './ResourceStep';
import { getDpopToken, type TokenFlowHop as TokenFlowStep } from './token-flow';
import { TokenStep, type BoundToken } from './TokenStep';
import { verdict } from './verdict';

// The DPoP proof builder (RFC 9449): a key made in this browser, a token bound to it from the lab's own
// authorization server, the DPoP resource through its nonce round trip, then one field broken at a time.
// Every request goes to the lab on this page's origin, without cookies, and is shown with its answer.

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function DpopBuilder() {
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [dpopKey, setDpopKey] = useState<DpopKey>();
  const [tokenSteps, setTokenSteps] = useState<TokenFlowStep[]>([]);
  const [token, setToken] = useState<BoundToken>();
  const [stopped, setStopped] = useState<string>();
  const [nonce, setNonce] = useState<string>();
  const [jti, setJti] = useState(newJti);
  const [calls, setCalls] = useState<ResourceCall[]>([]);
  const [lastAccepted, setLastAccepted] = useState<string>();
  const [chosen, setChosen] = useState<ProofBreakKind>('typ');
  const [breakResult, setBreakResult] = useState<BreakResult>();
  const [otherJwk, setOtherJwk] = useState<DpopKey['publicJwk']>();

  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const resourceUrl = `${origin}${DPOP_PATH}`;

  // Buttons stay focusable while a request runs (a disabled button would drop keyboard focus); this guard
  // ignores a second press instead.
  const running = useRef(false);
  const run = async (work: () => Promise<string>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      setAnnouncement(await work());
    } catch (error) {
      setAnnouncement(`Something went wrong in this page: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const generate = () =>
    run(async () => {
      const made = await generateDpopKey();
      setDpopKey(made);
      setTokenSteps([]);
      setToken(undefined);
      setStopped(undefined);
      setNonce(undefined);
      setCalls([]);
      setLastAccepted(undefined);
      setBreakResult(undefined);
      return `Key generated. Thumbprint ${made.jkt}.`;
    });

  const signIn = (user: { username: string; password: string }) =>
    run(async () => {
      if (!dpopKey) return 'Generate a key first.';
      setTokenSteps([]);
      setToken(undefined);
      setStopped(undefined);
      setCalls([]);
      setNonce(undefined);
      setLastAccepted(undefined);
      setBreakResult(undefined);
      const outcome = await getDpopToken({ origin, key: dpopKey, user, onStep: (step) => setTokenSteps((steps) => [...steps, step]) });
      if (outcome.kind === 'stopped') {
        setStopped(outcome.reason);
        return `No token: ${outcome.reason}`;
      }
      setToken({ accessToken: outcome.accessToken, claims: outcome.claims });
      return 'Token issued, bound to your key.';
    });

  const draftFor = (key: DpopKey, accessToken: string, at: number): ProofDraft =>
    draftProof({ publicJwk: key.publicJwk, htm: 'GET', htu: resourceUrl, iat: at, jti, accessToken, ...(nonce === undefined ? {} : { nonce }) });

  /** Keeps what the resource's answer tells the next proof: a fresh DPoP-Nonce (§9). */
  const remember = (exchange: LabExchange) => {
    const fresh = exchange.kind === 'answered' ? answerField(exchange.answer, 'DPoP-Nonce') : undefined;
    if (fresh !== undefined) setNonce(fresh);
  };

  const callResource = () =>
    run(async () => {
      if (!dpopKey || !token) return 'Get a token first.';
      const sent = draftFor(dpopKey, token.accessToken, nowSeconds());
      const proof = await signProof(sent, dpopKey.privateKey);
      const exchange = await sendToLab({
        method: 'GET',
        url: resourceUrl,
        fields: [
          ['Authorization', `DPoP ${token.accessToken}`],
          ['DPoP', proof],
        ],
      });
      setCalls((list) => [...list, { exchange, sent }]);
      setJti(newJti());
      remember(exchange);
      if (exchange.kind === 'answered' && exchange.answer.status === 200) setLastAccepted(proof);
      return verdict(exchange);
    });

  const sendBroken = () =>
    run(async () => {
      if (!dpopKey || !token) return 'Get a token first.';
      const other = otherJwk ?? (await generateDpopKey()).publicJwk;
      setOtherJwk(other);
      const origin = new URL(resourceUrl).origin;
      const request = await breakRequest(chosen, {
        privateKey: dpopKey.privateKey,
        publicJwk: dpopKey.publicJwk,
        otherJwk: other,
        accessToken: token.accessToken,
        resourceUrl,
        otherUrl: `${origin}${WHOAMI_PATH}`,
        nonce,
        lastAccepted,
        now: nowSeconds(),
      });
      if ('kind' in request) {
        setBreakResult({ kind: chosen, unavailable: request.reason });
        return request.reason;
      }
      const fields: [string, string][] = [['Authorization', request.authorization]];
      if (request.proof !== undefined) fields.push(['DPoP', request.proof]);
      const exchange = await sendToLab({ method: 'GET', url: resourceUrl, fields });
      remember(exchange);
      setBreakResult({ kind: chosen, exchange, sent: request.proof === undefined ? undefined : readProof(request.proof) });
      const description = exchange.kind === 'answered' ? exchange.answer.error?.description : undefined;
      return `${verdict(exchange)}${description ? `. ${description}` : ''}`;
    });

  return (
    <div>
      <p role="status" aria-live="polite" className="mt-3 min-h-6 text-sm font-semibold">
        {announcement}
      </p>
      <KeyStep dpopKey={dpopKey} busy={busy} onGenerate={generate} />
      {dpopKey ? <TokenStep jkt={dpopKey.jkt} busy={busy} steps={tokenSteps} token={token} stopped={stopped} onSignIn={signIn} /> : null}
      {dpopKey && token ? (
        <>
          <ResourceStep url={resourceUrl} draft={draftFor(dpopKey, token.accessToken, nowSeconds())} busy={busy} calls={calls} onSend={callResource} />
          <BreakStep chosen={chosen} busy={busy} result={breakResult} onChoose={setChosen} onSend={sendBroken} />
        </>
      ) : null}
    </div>
  );
}
