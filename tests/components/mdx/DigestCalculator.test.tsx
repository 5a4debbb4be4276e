import '../credentials/text-encoding';
import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DigestCalculator } from '@/components/mdx/DigestCalculator';
import { answerDigestChallenge, digestAlgorithm, digestChallenge, digestHA1, formatCredentials } from '@/lib/http-auth';

/** The value shown for a step, found by the step's name (a <dt>) as a reader scans the list. */
function step(name: string | RegExp): string {
  const term = screen.getByText(name, { selector: 'dt' });
  return term.nextElementSibling?.querySelector('code')?.textContent ?? '';
}

const lesson = fs.readFileSync(path.join(process.cwd(), 'content/lessons/05-digest-authentication.mdx'), 'utf8');
/** The lesson's own Authorization example (its <HeaderAnatomy field="Authorization">). */
const lessonHeader = /<HeaderAnatomy field="Authorization" value=\{'([^']+)'\}/.exec(lesson)?.[1];

describe('<DigestCalculator>', () => {
  test('prefilled with RFC 7616 §3.9.1 (SHA-256): the RFC’s response and the lesson’s own numbers and header', () => {
    render(<DigestCalculator />);
    expect(screen.getByRole('figure', { name: /Digest calculator/ })).toBeInTheDocument();
    expect(step(/^A1 = /)).toBe('Mufasa:http-auth@example.org:Circle of Life');
    expect(step('H(A1), SHA-256')).toBe('7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232');
    expect(step(/^A2 = /)).toBe('GET:/dir/index.html');
    expect(step('H(A2), SHA-256')).toBe('9a3fdae9a622fe8de177c24fa9c070f2b181ec85e15dcbdc32e10c82ad450b04');
    // RFC 7616 §3.9.1's printed SHA-256 response.
    expect(step(/^response = /)).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
    expect(lessonHeader).toBeDefined();
    expect(step('The Authorization value')).toBe(lessonHeader);
    // The lesson prints each of these numbers in its text.
    for (const value of [step('H(A1), SHA-256'), step('H(A2), SHA-256'), step(/^response = /)]) expect(lesson).toContain(value);
  });

  test('MD5 gives the RFC’s MD5 response; SHA-256-sess the lesson’s -sess H(A1)', async () => {
    const user = userEvent.setup();
    render(<DigestCalculator />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'algorithm' }), 'MD5');
    expect(step(/^response = /)).toBe('8ca523f5e9506fed4657c9700eebdbec');
    await user.selectOptions(screen.getByRole('combobox', { name: 'algorithm' }), 'SHA-256-sess');
    expect(step('H(A1), SHA-256')).toBe('bca21f4c7d7e8bf70d96361085370c7d219947abc1b8cd628f710917b89bed5b');
    expect(step(/^response = /)).toBe('2fd51b3a77ad75bad6afad6003e818d767133c46d9e2749e7f5232ae1ea3efd7');
  });

  test('typing another password changes H(A1) and the response to what the library computes', async () => {
    const user = userEvent.setup();
    render(<DigestCalculator />);
    const password = screen.getByRole('textbox', { name: 'Password' });
    await user.clear(password);
    await user.type(password, 'Circle of Death');
    const realm = 'http-auth@example.org';
    const nonce = '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v';
    const cnonce = 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ';
    const sha256 = digestAlgorithm('SHA-256');
    if (!sha256) throw new Error('SHA-256 is a Digest algorithm');
    const ha1 = digestHA1(sha256, { username: 'Mufasa', realm, password: 'Circle of Death' }, { nonce, cnonce });
    const answer = answerDigestChallenge({
      challenge: digestChallenge({ realm, nonce, algorithm: 'SHA-256', opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS' }),
      username: 'Mufasa',
      password: 'Circle of Death',
      method: 'GET',
      uri: '/dir/index.html',
      cnonce,
    });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(step('H(A1), SHA-256')).toBe(ha1);
    expect(ha1).not.toBe('7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232');
    expect(step(/^response = /)).toBe(answer.value.credentials.params.response);
    expect(step('The Authorization value')).toBe(formatCredentials(answer.value.credentials));
  });

  test('auth-int adds H(body) to A2; userhash replaces the user name in the header', async () => {
    const user = userEvent.setup();
    render(<DigestCalculator />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'qop' }), 'auth-int');
    // SHA-256 of the empty body (the lesson quotes its first and last digits).
    expect(step('H(body), SHA-256')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fireEvent.change(screen.getByRole('textbox', { name: 'Request body' }), { target: { value: '{"title":"Q4 plan"}' } });
    expect(step('H(body), SHA-256')).toBe('c9c7378d9cb264c0c92908317c0a08cb50d4d27e6340ecaead53920d2f7ac9ed');
    expect(step(/^A2 = /)).toBe('GET:/dir/index.html:c9c7378d9cb264c0c92908317c0a08cb50d4d27e6340ecaead53920d2f7ac9ed');
    await user.click(screen.getByRole('checkbox', { name: /userhash/ }));
    expect(step('The Authorization value')).not.toContain('username="Mufasa"');
    expect(step('The Authorization value')).toContain('userhash=true');
  });

  test('a bad nc says why in words instead of a wrong number', async () => {
    const user = userEvent.setup();
    render(<DigestCalculator />);
    const nc = screen.getByRole('textbox', { name: /^nc/ });
    await user.clear(nc);
    await user.type(nc, '0');
    expect(screen.getByRole('alert')).toHaveTextContent('Error: nc is a count from 1');
    expect(screen.queryByText(/^response = /)).not.toBeInTheDocument();
  });

  test('a stray prop fails the build naming the widget', () => {
    expect(() => DigestCalculator({ algorithm: 'MD5' } as never)).toThrow(/<DigestCalculator> has invalid props/);
  });
});
