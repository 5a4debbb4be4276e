import { TUNNEL_LIMITS } from '@/lib/sandbox/edge/connect';
import { CurlBlock } from './CurlBlock';
import type { CurlExample } from './examples';

/** CONNECT (RFC 9110 §9.3.6) has no path, so no route-table entry: the lab's tunnels, described in words. */
export function TunnelSection({ examples }: { examples: CurlExample[] }) {
  return (
    <section id="tunnel" aria-labelledby="tunnel-heading" className="border-t border-line pt-10">
      <h2 id="tunnel-heading" className="text-2xl font-bold">
        Tunnels through the lab to itself
      </h2>
      <p className="mt-3">
        Use the lab as your proxy and ask it for a tunnel with <code className="font-mono text-sm">CONNECT</code> (RFC 9110 §9.3.6), as tools do for{' '}
        <code className="font-mono text-sm">https://</code> URLs behind a corporate proxy. The lab asks for proxy credentials with 407 and{' '}
        <code className="font-mono text-sm">Proxy-Authenticate</code> in Basic, Digest or NTLM (realm <code className="font-mono text-sm">lab-tunnel</code>, the
        lab&apos;s users). Once you are through, it answers <code className="font-mono text-sm">200 Connection Established</code> and serves what you send
        through the tunnel itself, so the origin&apos;s own 401 comes later, inside it.
      </p>
      <p className="mt-3">
        It opens tunnels <strong>to itself only</strong>: its own host and port, as you reached it. Any other target gets 403 and the lab connects nowhere: it
        is not an open proxy. Because the lab speaks plain HTTP, tunnel <code className="font-mono text-sm">http://</code> URLs with{' '}
        <code className="font-mono text-sm">curl -p</code>; an <code className="font-mono text-sm">https://</code> URL cannot work through it. At most{' '}
        {TUNNEL_LIMITS.open} tunnels are open at once, each for {TUNNEL_LIMITS.lifetimeMs / 1000} s and {TUNNEL_LIMITS.bytes / 1024 / 1024} MiB at most. The{' '}
        <a href="#getNtlm" className="font-medium text-accent underline underline-offset-4">
          NTLM endpoint
        </a>{' '}
        shows a handshake bound to one connection.
      </p>
      <h3 className="mt-6 text-lg font-semibold">Try it</h3>
      <div className="mt-3 space-y-4">
        {examples.map((example) => (
          <CurlBlock key={example.copyLabel} example={example} />
        ))}
      </div>
    </section>
  );
}
