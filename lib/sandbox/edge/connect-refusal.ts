import { SCENARIO_ALLOW } from '../routes/route';
import type { SandboxResponse } from '../message';
import { problemResponse } from '../problem';

const DETAIL =
  'This lab does not open tunnels (CONNECT, RFC 9110 §9.3.6): it never connects anywhere else, so an https:// URL cannot go through it. ' +
  'Its proxy scenarios answer plain http:// requests sent through it, e.g. curl -x http://<lab host> http://<lab host>/api/sandbox/proxy.';

/**
 * The answer to CONNECT: the lab is not a tunnelling proxy, so a tunnel is refused with 405 and the
 * methods it does take (a 405 must carry Allow, RFC 9110 §15.5.6). The authority asked for is not echoed.
 */
export function connectRefusal(): SandboxResponse {
  return problemResponse({ status: 405, detail: DETAIL }, [['Allow', SCENARIO_ALLOW]]);
}
