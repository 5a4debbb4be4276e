import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { challengesOf, firstCredentials, isLoopback } from './facts';

// RFC 7617 §4: Basic sends the password in base64, which is an encoding, not encryption: over plain http://
// anyone on the path reads it. Loopback is left out: that traffic never leaves the machine.
export const basicOverHttp: DiagnosisRule = {
  id: 'basic-over-http',
  diagnose({ conversation }) {
    const hops = numberedHops(conversation).filter(([, hop]) => hop.origin.startsWith('http://') && !isLoopback(hop.origin));
    const sent = hops.filter(([, hop]) => firstCredentials(hop.exchange)?.scheme.toLowerCase() === 'basic');
    const invited = hops.filter(([, hop]) => challengesOf(hop.exchange, 'Basic').length > 0);
    const shown = sent.length > 0 ? sent : invited;
    const first = shown[0];
    if (!first) return [];
    const origin = first[1].origin;
    return [
      {
        severity: 'warning' as const,
        title: sent.length > 0 ? 'Basic credentials sent over plain HTTP' : 'A Basic challenge over plain HTTP',
        explanation:
          sent.length > 0
            ? `${sent.length === 1 ? 'A request' : `${sent.length} requests`} to ${origin} carried Basic credentials over http://. Basic is the user-id and password in base64, an encoding anyone on the network can undo: the password travelled in the clear.`
            : `${origin} asked for Basic credentials over http://. A client that answers sends the user-id and password in base64, an encoding anyone on the network can undo.`,
        fix: 'Serve the site over https:// only (redirect http:// to https:// before any challenge, and send Strict-Transport-Security), and change any password that was sent over http://.',
        rfc: ['RFC 7617 §4', 'RFC 9110 §11.6.1'],
        hops: shown.map(([at]) => at),
      },
    ];
  },
};
