// What a status means for the learner, in words, next to the code (never colour alone).

/** Which credentials the request that got this status carried: a 401 or 407 means something else with them. */
export type CredentialsOnRequest = { authorization: boolean; proxyAuthorization: boolean };

const NONE_SENT: CredentialsOnRequest = { authorization: false, proxyAuthorization: false };

// RFC 9110 §15.5.2 and §15.5.8: a 401 (407) to a request without credentials asks for them; "if the
// request included authentication credentials", it says they were refused. Saying "(other)" to a
// reader who sent nothing hides that difference.
function unauthorized(sent: boolean): string {
  return sent
    ? 'The credentials sent in Authorization were refused (wrong, expired, or for another realm): answer the challenge in WWW-Authenticate with other ones.'
    : 'Who are you? No credentials were sent, so the origin asks for them: answer a challenge in WWW-Authenticate with Authorization.';
}

function proxyAuthenticationRequired(sent: boolean): string {
  return sent
    ? 'The proxy refused the credentials sent in Proxy-Authorization: answer its Proxy-Authenticate challenge with other ones.'
    : 'Who are you, for the proxy? No proxy credentials were sent: answer Proxy-Authenticate with Proxy-Authorization.';
}

export function statusMeaning(status: number, sent: CredentialsOnRequest = NONE_SENT): string {
  switch (status) {
    case 200:
      return 'Success: the server accepted who you are and what you asked.';
    case 201:
      return 'Created: the server made something new, described in the body (here, a client registration).';
    case 204:
      return 'Success, with nothing to send back.';
    case 302:
    case 303:
      // RFC 9110 §15.4.4: after a 303 the browser fetches Location with GET; a form's 302 is treated alike.
      return 'Go elsewhere: the browser follows Location (with GET). Here that hands the answer back to the client.';
    case 400:
      return 'Bad request: something in the request is malformed; fix it rather than resend it.';
    case 401:
      return unauthorized(sent.authorization);
    case 403:
      return 'You may not: the server knows who you are and refuses. The same credentials will not help.';
    case 404:
      return 'Not found: the resource does not exist, or the server hides it from you.';
    case 405:
      return 'This method is not allowed here.';
    case 407:
      return proxyAuthenticationRequired(sent.proxyAuthorization);
    case 413:
      return 'The body is too large.';
    case 415:
      return 'The body is in a media type this endpoint does not take.';
    case 429:
      return 'Too many requests: wait (see Retry-After) before trying again.';
    default:
      return status >= 500 ? 'The server failed: not an authentication problem.' : 'An unusual status for this lab.';
  }
}
