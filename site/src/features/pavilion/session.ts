import { createTokenSession } from '../sign-in/token-session.js';

/**
 * The manager's token (sign-in/token-session.ts: sessionStorage only, bought with the sign-in
 * redirect's code and this tab's PKCE verifier, only when it answers this tab's own sign-in). The keys are the workspace's
 * own, apart from the operator console's.
 */
const session = createTokenSession({ token: 'sco-pavilion-token', attempt: 'sco-pavilion-sign-in' });

export const beginSignIn = session.beginSignIn;
export const captureTokenFromUrl = session.captureTokenFromUrl;
export const currentToken = session.currentToken;
export const forgetToken = session.forgetToken;
