import '../credentials/text-encoding';
import { render, screen, within } from '@testing-library/react';
import { HeaderAnatomy } from '@/components/mdx/HeaderAnatomy';
import type { HeaderAnatomyProps } from '@/lib/content/widgets/header-anatomy';

/** The parts in words, as every reader gets them: one list per challenge (or the credentials). */
function partsOf(name: string): string[] {
  const group = screen.getByText(name, { selector: 'p' }).parentElement as HTMLElement;
  return within(group)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

describe('<HeaderAnatomy>', () => {
  test('a Basic challenge: scheme, then each parameter name and quoted-string value', () => {
    render(<HeaderAnatomy field="WWW-Authenticate" value={'Basic realm="reports", charset="UTF-8"'} />);
    expect(screen.getByRole('figure', { name: 'Anatomy of WWW-Authenticate' })).toBeInTheDocument();
    expect(partsOf('Challenge 1')).toEqual([
      'auth-scheme: Basic',
      'parameter name: realm',
      'value (quoted-string) of realm: "reports"',
      'parameter name: charset',
      'value (quoted-string) of charset: "UTF-8"',
    ]);
  });

  test('a Digest challenge with several parameters, token and quoted values, followed by a second challenge', () => {
    const value =
      'Digest realm="api@lab.example", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", userhash=true, Basic realm="api"';
    render(<HeaderAnatomy field="WWW-Authenticate" value={value} />);
    expect(partsOf('Challenge 1')).toEqual([
      'auth-scheme: Digest',
      'parameter name: realm',
      'value (quoted-string) of realm: "api@lab.example"',
      'parameter name: qop',
      'value (quoted-string) of qop: "auth, auth-int"',
      'parameter name: algorithm',
      'value (token) of algorithm: SHA-256',
      'parameter name: nonce',
      'value (quoted-string) of nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"',
      'parameter name: opaque',
      'value (quoted-string) of opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
      'parameter name: userhash',
      'value (token) of userhash: true',
    ]);
    expect(partsOf('Challenge 2')).toEqual(['auth-scheme: Basic', 'parameter name: realm', 'value (quoted-string) of realm: "api"']);
  });

  test('Bearer credentials: scheme and token68, and the picture names each part under it', () => {
    const { container } = render(<HeaderAnatomy field="Authorization" value="Bearer mF_9.B5f-4.1JqM" />);
    expect(partsOf('Credentials')).toEqual(['auth-scheme: Bearer', 'token68: mF_9.B5f-4.1JqM']);
    const picture = [...container.querySelectorAll('[data-part]')].map((el) => [el.getAttribute('data-part'), el.textContent]);
    expect(picture).toEqual([
      ['scheme', 'Bearerauth-scheme'],
      ['token68', 'mF_9.B5f-4.1JqMtoken68'],
    ]);
  });

  test('Authentication-Info: parameters only', () => {
    render(<HeaderAnatomy field="Authentication-Info" value={'rspauth="d3b07384", qop=auth, nc=00000001'} />);
    expect(partsOf('Parameters')).toEqual([
      'parameter name: rspauth',
      'value (quoted-string) of rspauth: "d3b07384"',
      'parameter name: qop',
      'value (token) of qop: auth',
      'parameter name: nc',
      'value (token) of nc: 00000001',
    ]);
  });

  describe('a value the library cannot parse fails the build, naming the widget and the problem', () => {
    test.each<[string, HeaderAnatomyProps, RegExp]>([
      [
        'an unterminated quoted-string',
        { field: 'WWW-Authenticate', value: 'Basic realm="reports' },
        /<HeaderAnatomy field="WWW-Authenticate">[\s\S]*value: "Basic realm=\\"reports" does not parse as WWW-Authenticate: .*never closed/,
      ],
      [
        'two credentials in Authorization',
        { field: 'Authorization', value: 'Basic YWxpY2U6d29uZGVybGFuZA==, Bearer x' },
        /<HeaderAnatomy field="Authorization">[\s\S]*does not parse as Authorization/,
      ],
      [
        'a field without an auth grammar',
        { field: 'Content-Type' as HeaderAnatomyProps['field'], value: 'text/plain' },
        /<HeaderAnatomy field="Content-Type">[\s\S]*field:/,
      ],
      ['an empty value', { field: 'Authorization', value: ' ' }, /value: must not be empty/],
    ])('%s', (_, props, message) => {
      expect(() => HeaderAnatomy(props)).toThrow(message);
    });
  });
});
