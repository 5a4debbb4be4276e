// How the lab's user signs in on the consent page, and what that sign-in is worth: the `acr` and `auth_time`
// a token then carries (RFC 9068 §2.2.1), which a step-up resource checks (RFC 9470 §3). The lab keeps no
// session, so every authorization is a fresh sign-in and max_age is always met at the authorization endpoint.
import { constantTimeEqualText } from '@/lib/http-auth';
import type { LabAcr } from './lab-metadata';

export type LabUser = { name: string; password: string };

/** The ACR of a password and a one-time code. */
export const MFA_ACR: LabAcr = 'mfa';
/** The lab's one-time code, shown on the page: the lesson is the HTTP round trip, not the authenticator. */
export const LAB_ONE_TIME_CODE = '246810';

/** A completed sign-in: who, how strongly (RFC 9470 §2 acr), and when (auth_time, seconds since the epoch). */
export type UserAuthentication = { user: LabUser; acr: LabAcr; authTime: number };

export type SignInOutcome = { kind: 'signed-in'; signIn: UserAuthentication } | { kind: 'refused'; problem: string };

/**
 * Checks the form's user name and password, and the one-time code when the client asked for acr mfa.
 * Every user is compared, so the time taken does not tell which names exist.
 */
export function signIn(form: URLSearchParams, acrValues: readonly string[], options: { now: number; users: readonly LabUser[] }): SignInOutcome {
  const name = form.get('username') ?? '';
  const password = form.get('password') ?? '';
  let user: LabUser | undefined;
  for (const candidate of options.users) {
    const nameMatches = constantTimeEqualText(candidate.name, name);
    const passwordMatches = constantTimeEqualText(candidate.password, password);
    if (nameMatches && passwordMatches && !user) user = candidate;
  }
  if (!user) return { kind: 'refused', problem: 'That user name and password do not match a lab user (try alice / wonderland).' };
  const authTime = Math.floor(options.now / 1000);
  if (!acrValues.includes(MFA_ACR)) return { kind: 'signed-in', signIn: { user, acr: 'password', authTime } };
  if (!constantTimeEqualText(LAB_ONE_TIME_CODE, (form.get('otp') ?? '').trim()))
    return { kind: 'refused', problem: `The one-time code is wrong: in the lab it is ${LAB_ONE_TIME_CODE}.` };
  return { kind: 'signed-in', signIn: { user, acr: MFA_ACR, authTime } };
}
