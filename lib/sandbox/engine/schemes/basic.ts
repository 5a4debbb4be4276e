import { constantTimeEqualText, decodeParsedBasic } from '@/lib/http-auth';
import { refused, type AuthAttempt, type AuthOutcome } from './outcome';

// RFC 7617: decode user-id:password (UTF-8, as the challenge's charset says) and check them.
export function authenticateBasic(attempt: AuthAttempt): AuthOutcome {
  const { hop, layer, fieldValue, credentials } = attempt;
  // checkCredentials parsed the field already to find its scheme.
  const decoded = decodeParsedBasic(credentials, fieldValue, 'UTF-8');
  if (!decoded.ok) {
    const { message, index } = decoded.error;
    // Undecodable Basic credentials are malformed, not merely wrong: 400 tells the client to fix the request.
    return refused(400, `The Basic credentials are malformed: ${message}`, [{ kind: 'basic-undecodable', hop, message: `${message} (at character ${index})` }]);
  }
  const { userId, password } = decoded.value;
  const user = layer.users.find((candidate) => candidate.name === userId);
  if (!user) {
    return refused(401, `The credentials were refused: there is no user "${userId}" in realm "${layer.realm}".`, [{ kind: 'unknown-user', hop, user: userId }]);
  }
  if (!constantTimeEqualText(user.password, password)) {
    return refused(401, `The credentials were refused: wrong password for "${userId}".`, [{ kind: 'wrong-password', hop, user: userId }]);
  }
  return {
    kind: 'authenticated',
    user: user.name,
    scheme: 'Basic',
    roles: user.roles,
    trace: [{ kind: 'authenticated', hop, user: user.name, scheme: 'Basic' }],
  };
}
