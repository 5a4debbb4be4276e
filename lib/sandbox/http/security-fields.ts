import { apiSecurityHeaders, securityHeaders } from '@/lib/site/security-headers.mjs';
import type { HeaderList } from '../message';

/**
 * The security headers every sandbox answer gets unless it sets them itself. Sandbox answers are rarely
 * documents, so their Content-Security-Policy allows nothing.
 */
export const SECURITY_HEADERS = [...securityHeaders(), ...apiSecurityHeaders()];
const SECURITY_NAMES = new Set(SECURITY_HEADERS.map(({ key }) => key.toLowerCase()));

/**
 * The security headers a response does not set itself: they are defaults. A page the sandbox serves (the
 * OAuth consent page) brings its own policy, and two Content-Security-Policy fields would both be
 * enforced (CSP3 §8.1), the stricter one blocking the page's own stylesheet.
 */
export function securityDefaultsFor(headers: HeaderList): { key: string; value: string }[] {
  const own = headers.filter(([name]) => SECURITY_NAMES.has(name.toLowerCase())).map(([name]) => name.toLowerCase());
  return own.length === 0 ? SECURITY_HEADERS : SECURITY_HEADERS.filter(({ key }) => !own.includes(key.toLowerCase()));
}
