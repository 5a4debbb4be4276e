import { type AuthHeaderGrammar, authHeaderParts, parseAuthInfo, parseChallenges, parseCredentials } from '@/lib/http-auth';
import { loadFixtures } from './support/fixtures';

/** [kind, text as written] for each part, so a wrong offset shows as wrong text. */
function parts(grammar: AuthHeaderGrammar, value: string): Array<[string, string, number]> {
  const result = authHeaderParts(grammar, value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((p) => [p.kind, value.slice(p.start, p.end), p.element]);
}

describe('authHeaderParts', () => {
  test('challenges: schemes, token68, names, token and quoted values (escapes kept as written), per element', () => {
    const value = 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple", NTLM, Negotiate YII=';
    expect(parts('challenges', value)).toEqual([
      ['scheme', 'Newauth', 0],
      ['param-name', 'realm', 0],
      ['quoted-string', '"apps"', 0],
      ['param-name', 'type', 0],
      ['param-value', '1', 0],
      ['param-name', 'title', 0],
      ['quoted-string', '"Login to \\"apps\\""', 0],
      ['scheme', 'Basic', 1],
      ['param-name', 'realm', 1],
      ['quoted-string', '"simple"', 1],
      ['scheme', 'NTLM', 2],
      ['scheme', 'Negotiate', 3],
      ['token68', 'YII=', 3],
    ]);
  });

  test('the parts agree with parseChallenges on what the value holds', () => {
    const value = 'Digest realm="lab", qop="auth", algorithm=SHA-256, nonce="abc"';
    const parsed = parseChallenges(value);
    if (!parsed.ok) throw new Error('fixture must parse');
    const names = parts('challenges', value)
      .filter(([kind]) => kind === 'param-name')
      .map(([, text]) => text);
    expect(names).toEqual(Object.keys(parsed.value[0]?.params ?? {}));
  });

  test('credentials: BWS around "=" is not part of the name or value; parameter names keep their case as written', () => {
    expect(parts('credentials', 'Digest Username = "alice", NC=00000001')).toEqual([
      ['scheme', 'Digest', 0],
      ['param-name', 'Username', 0],
      ['quoted-string', '"alice"', 0],
      ['param-name', 'NC', 0],
      ['param-value', '00000001', 0],
    ]);
    expect(parts('credentials', 'Basic YWxpY2U6d29uZGVybGFuZA==')).toEqual([
      ['scheme', 'Basic', 0],
      ['token68', 'YWxpY2U6d29uZGVybGFuZA==', 0],
    ]);
  });

  test('auth-info: parameters only', () => {
    expect(parts('auth-info', 'rspauth="x", nextnonce="y"')).toEqual([
      ['param-name', 'rspauth', 0],
      ['quoted-string', '"x"', 0],
      ['param-name', 'nextnonce', 0],
      ['quoted-string', '"y"', 0],
    ]);
  });

  test('fails exactly where the parse functions fail', () => {
    for (const value of ['Basic realm="x', 'Basic, realm="x"', 'Bearer a b', 'Basic realm="a", realm="b"']) {
      const anatomy = authHeaderParts('challenges', value);
      const parsed = parseChallenges(value);
      expect(anatomy.ok).toBe(false);
      expect(parsed.ok).toBe(false);
      if (!anatomy.ok && !parsed.ok) expect(anatomy.error.code).toBe(parsed.error.code);
    }
    const credentials = authHeaderParts('credentials', 'Basic a, Bearer b');
    const parsed = parseCredentials('Basic a, Bearer b');
    expect(credentials.ok || parsed.ok).toBe(false);
    if (!credentials.ok && !parsed.ok) expect(credentials.error.code).toBe(parsed.error.code);
  });
});

describe('authHeaderParts on every golden fixture agrees with the parse functions', () => {
  const grammarOf = { challenge: 'challenges', credentials: 'credentials', 'auth-info': 'auth-info' } as const;
  it.each(loadFixtures().flatMap((f) => f.lines.map((line, i) => [`${f.name} line ${i + 1}`, f.kind, line] as const)))('%s', (_name, kind, line) => {
    const anatomy = authHeaderParts(grammarOf[kind], line);
    const parsed = kind === 'challenge' ? parseChallenges(line) : kind === 'credentials' ? parseCredentials(line) : parseAuthInfo(line);
    expect(anatomy.ok).toBe(parsed.ok);
    if (!anatomy.ok || !parsed.ok) return;
    // Rebuild what the parser returns from the parts alone: schemes, token68s and unescaped params.
    const elements: Array<{ scheme?: string; token68?: string; params: Record<string, string> }> = [];
    let name = '';
    for (const part of anatomy.value) {
      const text = line.slice(part.start, part.end);
      const element = (elements[part.element] ??= { params: {} });
      switch (part.kind) {
        case 'scheme':
          element.scheme = text;
          break;
        case 'token68':
          element.token68 = text;
          break;
        case 'param-name':
          name = text.toLowerCase();
          break;
        case 'param-value':
          Object.defineProperty(element.params, name, { value: text, enumerable: true, writable: true, configurable: true });
          break;
        case 'quoted-string':
          Object.defineProperty(element.params, name, {
            value: text.slice(1, -1).replace(/\\(.)/gs, '$1'),
            enumerable: true,
            writable: true,
            configurable: true,
          });
          break;
      }
    }
    const rebuilt = elements.map((e) => ({
      ...(e.scheme === undefined ? {} : { scheme: e.scheme }),
      ...(e.token68 === undefined ? {} : { token68: e.token68 }),
      params: e.params,
    }));
    if (kind === 'auth-info') expect(rebuilt[0]?.params ?? {}).toEqual(parsed.value);
    else if (kind === 'credentials') expect(rebuilt).toEqual([parsed.value]);
    else expect(rebuilt).toEqual(parsed.value);
  });
});
