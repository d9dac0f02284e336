/**
 * The sign-in answer checks (state and nonce) are shared with the operator console: they live in
 * features/sign-in/ now, and the workspace keeps importing them from here.
 */
export * from '../sign-in/sign-in-check.js';
