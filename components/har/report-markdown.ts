import type { Diagnosis } from '@/lib/har';
import { findingCitations } from './rfc-link';
import type { TrafficReport } from './report';

// The report as Markdown, for a ticket or a chat: the findings first, then each conversation's messages as the
// recording had them, redacted (the placeholders stay; the vault is not part of a report).

const SEVERITY_WORDS: Record<Diagnosis['severity'], string> = { problem: 'Problem', warning: 'Warning' };

function headerLines(headers: ReadonlyArray<readonly [string, string]>): string[] {
  return headers.map(([name, value]) => `${name}: ${value}`);
}

/** A fence longer than any run of backticks in the text, so a recorded body cannot end the block (CommonMark §4.5). */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}http\n${text}\n${fence}`;
}

export function reportMarkdown(report: TrafficReport): string {
  const lines: string[] = ['# HTTP authentication traffic report', ''];
  const recorder = [report.source.creator, report.source.version].filter(Boolean).join(' ');
  lines.push(`Recording: ${report.source.format === 'har' ? 'HAR' : 'curl -v'}${recorder ? ` from ${recorder}` : ''}. Secrets are redacted.`, '');
  lines.push('## Diagnosis', '');
  if (report.diagnoses.length === 0) lines.push('No rule found a problem in these conversations.', '');
  for (const finding of report.diagnoses) {
    lines.push(`### ${SEVERITY_WORDS[finding.severity]}: ${finding.title}`, '');
    lines.push(`Conversation ${finding.conversation}, exchange${finding.hops.length === 1 ? '' : 's'} ${finding.hops.map((hop) => hop + 1).join(', ')}.`, '');
    lines.push(finding.explanation, '', `**Fix:** ${finding.fix}`, '');
    const citations = findingCitations(finding);
    if (citations.length > 0) lines.push(`**Rules:** ${citations.map(({ text, href }) => (href ? `[${text}](${href})` : text)).join(', ')}`, '');
  }
  lines.push('## Conversations', '');
  for (const conversation of report.conversations) {
    lines.push(`### Conversation ${conversation.id}: ${conversation.origin}`, '');
    conversation.hops.forEach((hop, at) => {
      const { request, response } = hop.exchange;
      lines.push(`${at + 1}. ${request.method} ${request.url} → ${response.status}`, '');
      const text = [
        `${request.method} ${request.url}`,
        ...headerLines(request.headers),
        '',
        `${response.status} ${response.statusText}`.trim(),
        ...headerLines(response.headers),
      ].join('\n');
      lines.push(fenced(text), '');
    });
  }
  return lines.join('\n');
}
