import { signInSchema, type SignIn } from '@/lib/sandbox/exchange/input';

// oauth mode's sign-in as share-link parameters a trainer can read and edit: user=bob&pass=builder&consent=deny,
// and otp=111111 for a one-time code typed instead of the one the page shows (a step-up, RFC 9470 §4).
// Only what differs from the preset's is written; a bad value falls back to the preset's with a problem.

export const SIGN_IN_PARAMS: readonly string[] = ['user', 'pass', 'consent', 'otp'];

export function encodeSignIn(signIn: SignIn, base: SignIn): [string, string][] {
  const params: [string, string][] = [];
  if (signIn.username !== base.username) params.push(['user', signIn.username]);
  if (signIn.password !== base.password) params.push(['pass', signIn.password]);
  if (signIn.decision !== base.decision) params.push(['consent', signIn.decision]);
  if ((signIn.otp ?? '') !== (base.otp ?? '')) params.push(['otp', signIn.otp ?? '']);
  return params;
}

export function decodeSignIn(query: URLSearchParams, base: SignIn, problems: string[]): SignIn {
  const read = <K extends keyof SignIn>(name: string, key: K): SignIn[K] => {
    const raw = query.get(name);
    if (raw === null) return base[key];
    const result = signInSchema.shape[key].safeParse(raw);
    if (result.success) return result.data as SignIn[K];
    problems.push(`The sign-in ${name}=${JSON.stringify(raw.slice(0, 40))} is not valid (${result.error.issues[0]?.message ?? 'invalid'}): kept the preset's.`);
    return base[key];
  };
  const signIn: SignIn = { username: read('user', 'username'), password: read('pass', 'password'), decision: read('consent', 'decision') };
  // Absent unless given: an empty code means the one the page shows, as no code does.
  const otp = read('otp', 'otp');
  return otp ? { ...signIn, otp } : signIn;
}
