import type { LabExchange } from './lab-exchange';

/** One line saying how the lab answered, in words (WCAG 1.4.1: never by colour alone). */
export function verdict(exchange: LabExchange): string {
  if (exchange.kind === 'unreachable') return `Not answered: the lab could not be reached (${exchange.message})`;
  const { status, error, landedAt } = exchange.answer;
  if (landedAt !== undefined) return `Redirected, then ${status}: landed at ${landedAt}`;
  const word = status < 300 ? 'Accepted' : status < 400 ? 'Redirected' : 'Refused';
  return `${word}: ${status}${error ? ` ${error.code}` : ''}`;
}
