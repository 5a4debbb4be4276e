import { DIGEST_ALGORITHMS } from '@/lib/http-auth';
import { realmSchema, scopeTokenSchema, userSchema } from './scenario';

// What each query override accepts, said in plain words. A person types these URLs (lessons, curl,
// the address bar), so a refusal names the parameter as they wrote it and what it may be instead of
// the scenario schema's internal path ("origin.schemes.0.algorithms.0: Invalid option"). The scenario
// schema still validates the result (overrides.ts): these checks only choose the words.

/** A problem with one value, in words (without the parameter's name), or undefined when it is fine. */
export type ValueCheck = (value: string) => string | undefined;

/** Splits a list value the way the overrides read it: commas or spaces. */
export const listItems = (value: string) => value.split(/[\s,]+/).filter(Boolean);

/** A value quoted as typed, control characters visible (\r\n), long ones cut. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** "a, b or c" */
function either(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

function oneOf(what: string, allowed: readonly string[], normalise: (value: string) => string = (value) => value): ValueCheck {
  return (value) => (allowed.includes(normalise(value)) ? undefined : `${quoted(value)} is not ${what}; use ${either(allowed)}`);
}

function listOf(what: string, allowed: readonly string[], max: number): ValueCheck {
  const use = `use ${either(allowed)}, comma-separated`;
  return (value) => {
    const items = listItems(value);
    if (items.length === 0) return `name at least one ${what}; ${use}`;
    const unknown = items.find((item) => !allowed.includes(item));
    if (unknown !== undefined) return `${quoted(unknown)} is not ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}; ${use}`;
    if (new Set(items).size !== items.length) return `${quoted(value)} names a ${what} twice; name each once`;
    if (items.length > max) return `${quoted(value)} names ${items.length}; name at most ${max}`;
    return undefined;
  };
}

function seconds(min: number, max: number): ValueCheck {
  return (value) =>
    /^\d{1,6}$/.test(value) && Number(value) >= min && Number(value) <= max
      ? undefined
      : `${quoted(value)} is not a whole number of seconds from ${min} to ${max}`;
}

function matching(schema: { safeParse: (value: unknown) => { success: boolean } }, rule: string): ValueCheck {
  return (value) => (schema.safeParse(value).success ? undefined : `${quoted(value)} is not allowed; use ${rule}`);
}

const REALM_RULE = '1 to 100 printable ASCII characters (no CR, LF or other control characters)';
const USER_RULE = '1 to 64 characters without ":" (RFC 7617 §2) or control characters';
const PASSWORD_RULE = '1 to 128 characters without control characters';
const ROLE = /^[a-z][a-z0-9-]*$/;

const realm = matching(realmSchema, REALM_RULE);
const user = matching(userSchema.shape.name, USER_RULE);
const password = matching(userSchema.shape.password, PASSWORD_RULE);

/** Typed over the override names (overrides.ts): a new override does not compile until it has its words here. */
export const OVERRIDE_CHECKS = {
  realm,
  user,
  password,
  role: (value) =>
    value === '' || ROLE.test(value)
      ? undefined
      : `${quoted(value)} is not a role name; use lower-case letters, digits and "-", starting with a letter (e.g. editor), or nothing for no role`,
  status: oneOf('a refusal status', ['403', '404']),
  charset: oneOf('a charset the challenge can announce', ['UTF-8', 'none'], (value) => (value.toUpperCase() === 'UTF-8' ? 'UTF-8' : value)),
  algorithm: listOf('Digest algorithm', DIGEST_ALGORITHMS, DIGEST_ALGORITHMS.length),
  qop: listOf('Digest quality of protection (qop)', ['auth', 'auth-int'], 2),
  userhash: oneOf('a yes-or-no value', ['true', 'false']),
  scope: (value) => {
    const scopes = listItems(value);
    const bad = scopes.find((scope) => !scopeTokenSchema.safeParse(scope).success);
    if (bad !== undefined) return `${quoted(bad)} is not a scope token; use 1 to 64 printable ASCII characters without space, quote or backslash (RFC 6750 §3)`;
    return scopes.length > 8 ? `${quoted(value)} names ${scopes.length} scopes; name at most 8` : undefined;
  },
  layout: oneOf('a challenge layout', ['one-line', 'several-lines']),
  nonce_lifetime: seconds(1, 3_600),
  token_lifetime: seconds(1, 86_400),
  schemes: (value) => listOf('scheme', ['basic', 'bearer', 'digest', 'ntlm', 'negotiate'], 5)(value.toLowerCase()),
  proxy: oneOf('a proxy setting', ['none', 'basic', 'digest', 'ntlm', 'negotiate']),
  proxy_realm: realm,
  proxy_user: user,
  proxy_password: password,
} satisfies Record<string, ValueCheck>;

export type CheckedOverride = keyof typeof OVERRIDE_CHECKS;

/** One sentence per override in `query` whose value is refused, each naming its parameter; [] when all are fine. */
export function overrideProblems(query: URLSearchParams, names: readonly CheckedOverride[]): string[] {
  return names.flatMap((name) => {
    const value = query.get(name);
    const problem = value === null ? undefined : OVERRIDE_CHECKS[name](value);
    return problem === undefined ? [] : [`${name}: ${problem}.`];
  });
}
