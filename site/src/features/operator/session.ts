import { createTokenSession } from '../sign-in/token-session.js';

/**
 * The operator's token, kept exactly as the workspace keeps a manager's (sign-in/token-session.ts),
 * under the console's own keys: an operator's sign-in never lands in the workspace, nor a manager's here.
 */
const session = createTokenSession({ token: 'sco-operator-token', attempt: 'sco-operator-sign-in' });

export const beginSignIn = session.beginSignIn;
export const captureTokenFromUrl = session.captureTokenFromUrl;
export const currentToken = session.currentToken;
export const forgetToken = session.forgetToken;
