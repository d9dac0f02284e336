import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CognitoManagerDirectory } from '../adapters/auth/cognito-manager-directory.js';
import { lazyShopperKeys } from '../adapters/crypto/shopper-keys.js';
import { DynamoOperatorConsoleStore } from '../adapters/dynamodb/operator-console-store.js';
import { DynamoOutboxStore } from '../adapters/dynamodb/outbox-store.js';
import { mailsOfOrder } from '../domain/operator-console.js';
import { lazyIdentityVault } from '../adapters/secrets/identity-key.js';
import type { Config } from '../config.js';
import { wireCatalogueDeps } from './wire-catalogue.js';
import type { WiringBase } from './wire-common.js';
import { wireOrderDeps } from './wire-shop.js';
import { wireTokens } from './wire-tokens.js';

/** The operator function's adapters: the console's own, the order stores, the identity vault (it opens ID numbers for customs) and the token verifier. */
export function wireOperatorFunction(base: WiringBase) {
  const { config, doc } = base;
  return {
    ...wireCatalogueDeps(base),
    ...wireOrderDeps(base),
    identity: lazyIdentityVault(config),
    ...wireTokens(config),
    ...operatorSignIn(config),
    ...wireOperatorConsoleDeps(config, doc),
  };
}

/** Where the console sends operators to sign in and out, where configured. */
export function operatorSignIn(config: Config): { operatorSignInUrl?: string; operatorSignOutUrl?: string } {
  return {
    ...(config.AUTH_OPERATOR_SIGN_IN_URL ? { operatorSignInUrl: config.AUTH_OPERATOR_SIGN_IN_URL } : {}),
    ...(config.AUTH_OPERATOR_SIGN_OUT_URL ? { operatorSignOutUrl: config.AUTH_OPERATOR_SIGN_OUT_URL } : {}),
  };
}

/**
 * The operator console's adapters, and the two the shop shares with it: the webhook's log of
 * refused events and the keyed hash that files orders under their shopper's email. Invitations go
 * to Cognito where the pool is configured; the local runner hands in the token issuer's directory.
 */
export function wireOperatorConsoleDeps(config: Config, doc: DynamoDBDocumentClient) {
  const store = new DynamoOperatorConsoleStore(doc, config.TABLE_NAME);
  const shopperKeys = lazyShopperKeys(config);
  // The order's mails come from its outbox records (functions/adapters/dynamodb/outbox-store.ts), in its own partition.
  const outbox = new DynamoOutboxStore(doc, config.TABLE_NAME);
  return {
    operatorConsole: store,
    orderMails: async (orderId: string) => mailsOfOrder(await outbox.listForOrder(orderId)),
    refusedEvents: store,
    ...(shopperKeys ? { shopperKeys } : {}),
    ...(config.MANAGER_POOL_ID ? { managers: new CognitoManagerDirectory(config.MANAGER_POOL_ID) } : {}),
  };
}
