import fs from 'node:fs';
import path from 'node:path';
import { analyseRecording } from '@/lib/har';

// Recorded HAR fixtures (tests/fixtures/har) as the traffic page's journeys use them: the file, the secrets its
// requests carried (none may reach the DOM), and the findings the page must show for it, severity in words.

export const harFixture = (name: string) => path.join(__dirname, '../../fixtures/har', name);

type HarFile = { log: { entries: { request: { headers: { name: string; value: string }[] } }[] } };

/** Every credential the recording's requests sent, as sent: Basic's base64 and password, a token and its signature, Digest's response. */
export function harSecrets(name: string): string[] {
  const har = JSON.parse(fs.readFileSync(harFixture(name), 'utf8')) as HarFile;
  const sent = har.log.entries.flatMap((entry) =>
    entry.request.headers.filter((header) => /^(proxy-)?authorization$/i.test(header.name)).flatMap((header) => header.value.split('\n')),
  );
  const secrets = sent.flatMap((value) => {
    const basic = /^Basic (\S+)/i.exec(value)?.[1];
    if (basic) return [basic, Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':')];
    const token = /^(?:Bearer|DPoP) (\S+)/i.exec(value)?.[1];
    if (token) return [token, token.split('.')[2] ?? ''];
    return [/response="?([0-9a-f]+)/i.exec(value)?.[1] ?? ''];
  });
  if (sent.length === 0) throw new Error(`${name} sent no credentials: nothing to check`);
  return [...new Set(secrets.filter((secret) => secret.length >= 6))];
}

/** The findings of the recording as the page titles them ("Problem: …"), and their rules, from lib/har in this process. */
export function harFindings(name: string): { rules: string[]; headings: string[] } {
  const { analysis } = analyseRecording(fs.readFileSync(harFixture(name)));
  if (analysis.kind !== 'analysed') throw new Error(analysis.message);
  return {
    rules: analysis.diagnoses.map((d) => `${d.conversation}:${d.rule}`),
    headings: analysis.diagnoses.map((d) => `${d.severity === 'problem' ? 'Problem' : 'Warning'}: ${d.title}`),
  };
}

/** A real Chromium recording and a real Firefox one, each with the findings it must get (pinned in tests/lib/har too). */
export const DIAGNOSED_RECORDINGS: [file: string, rules: string[]][] = [
  ['chromium-mistakes.har', ['1:credentials-retried', '1:digest-algorithm-unsupported', '2:authorization-dropped-on-redirect']],
  ['firefox-bidi.har', ['1:expired-jwt', '1:wrong-audience']],
];
