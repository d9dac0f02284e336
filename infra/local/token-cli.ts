import { resolve } from 'node:path';
import { PAVILION_CODE } from '../../functions/domain/pavilion.js';
import { SEED_PAVILIONS } from './seed/pavilions.js';
import { createTokenIssuer } from './token-issuer/issuer.js';
import { LOCAL_AUDIENCE, localIssuerUrl, localKeyDir } from './token-issuer/local-auth.js';

/**
 * `npm run token -- KG` prints a token for the KG demo manager, and `npm run token -- --operator`
 * one for the demo operator, signed with the local issuer's key from the data folder, for curl
 * against the local server:
 *   curl -H "authorization: Bearer $(npm run -s token -- KG)" http://localhost:4321/api/pavilion/listings
 *   curl -H "authorization: Bearer $(npm run -s token -- --operator)" http://localhost:4321/api/operator/orders/<orderId>/customs
 * Local use only: the key never exists in AWS, where Cognito signs.
 */
const argument = process.argv[2] ?? '';
const operator = argument === '--operator';
const code = argument.toUpperCase();
if (!operator && (!PAVILION_CODE.test(code) || !SEED_PAVILIONS.some((pavilion) => pavilion.code === code))) {
  console.error(`Usage: npm run token -- <pavilion>   (one of ${SEED_PAVILIONS.map((pavilion) => pavilion.code).join(', ')})`);
  console.error('       npm run token -- --operator   (the demo operator: customs documents under /api/operator)');
  process.exit(1);
}
const origin = process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 4321}`;
const issuer = await createTokenIssuer({
  keyDir: localKeyDir(resolve(process.env.DATA_DIR ?? '.data')),
  issuer: process.env.AUTH_ISSUER ?? localIssuerUrl(origin),
  audience: process.env.AUTH_AUDIENCE ?? LOCAL_AUDIENCE,
  pavilions: SEED_PAVILIONS,
});
console.log(operator ? await issuer.signOperatorToken() : await issuer.signToken(code));
