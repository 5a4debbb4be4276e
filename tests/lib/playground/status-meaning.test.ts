import { statusMeaning } from '@/lib/playground/status-meaning';

// RFC 9110 §15.5.2 / §15.5.8: the same 401 (407) asks for credentials when none were sent and
// refuses them when some were; the sentence must say which.
describe('statusMeaning for the challenge statuses', () => {
  const none = { authorization: false, proxyAuthorization: false };
  it.each([
    ['401 without credentials asks for them', 401, none, /No credentials were sent/, /refused|\(other\)/],
    ['401 after Authorization says they were refused', 401, { ...none, authorization: true }, /were refused/, /No credentials were sent|\(other\)/],
    ['401 after only Proxy-Authorization still sent no origin credentials', 401, { ...none, proxyAuthorization: true }, /No credentials were sent/, /refused/],
    ['407 without proxy credentials asks for them', 407, none, /No proxy credentials were sent/, /refused/],
    [
      '407 after Proxy-Authorization says they were refused',
      407,
      { ...none, proxyAuthorization: true },
      /refused the credentials sent in Proxy-Authorization/,
      /No proxy credentials/,
    ],
  ])('%s', (_name, status, sent, says, doesNotSay) => {
    const text = statusMeaning(status, sent);
    expect(text).toMatch(says);
    expect(text).not.toMatch(doesNotSay);
  });
});
