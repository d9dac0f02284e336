/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method: the tab keeps a random
 * code_verifier, sends only its SHA-256 (the code_challenge) to the authorize endpoint, and shows
 * the verifier when it exchanges the code. A code caught on its way back (a log, a planted link,
 * another app on the device) is worth nothing without the verifier that never left this tab.
 */

/** 32 random bytes, base64url: 43 characters, within RFC 7636's 43 to 128 unreserved characters. */
export function newCodeVerifier(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return base64url(random(new Uint8Array(32)));
}

/** BASE64URL(SHA256(ASCII(code_verifier))), RFC 7636 §4.2. */
export async function codeChallengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
