// What a status means for the learner, in words, next to the code (never colour alone).
export function statusMeaning(status: number): string {
  switch (status) {
    case 200:
      return 'Success: the server accepted who you are and what you asked.';
    case 204:
      return 'Success, with nothing to send back.';
    case 400:
      return 'Bad request: something in the request is malformed; fix it rather than resend it.';
    case 401:
      return 'Who are you? The origin needs (other) credentials: answer a challenge in WWW-Authenticate.';
    case 403:
      return 'You may not: the server knows who you are and refuses. The same credentials will not help.';
    case 404:
      return 'Not found: the resource does not exist, or the server hides it from you.';
    case 405:
      return 'This method is not allowed here.';
    case 407:
      return 'Who are you, for the proxy? Answer Proxy-Authenticate with Proxy-Authorization.';
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
