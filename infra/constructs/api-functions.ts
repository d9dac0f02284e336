import { Aws, Duration } from 'aws-cdk-lib';
import { HttpMethod, type HttpApi, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { IDENTITY_KEY_PURPOSE } from '../../functions/adapters/crypto/envelope-identity-vault.js';
import { API_APP_SPECS, type ApiAppSpec } from './api-apps.js';
import { AppFunction } from './app-function.js';
import { entryIfWritten, type EntryResolver } from './paths.js';
import { grantTableAccess } from './table-access.js';

export interface ApiFunctionsProps {
  readonly httpApi: HttpApi;
  readonly table: ITable;
  readonly tableKey: IKey;
  readonly stripeSecret: ISecret;
  /** Wraps the data keys of buyers' ID numbers; apps with `identity` get its ARN and one action on it each. */
  readonly identityKey: IKey;
  /** The HMAC key of the yearly count; only apps with `identity: 'seal'` get its ARN and may read it. */
  readonly identityHashSecret: ISecret;
  /** The HMAC key of the shopper email lookup; apps with `shopperLookup` get its ARN and may read it. */
  readonly shopperLookupSecret: ISecret;
  /** The managers' user pool; apps with `invitesManagers` get its id and cognito-idp:AdminCreateUser on it. */
  readonly managerPool: IUserPool;
  readonly imagesBucket: IBucket;
  /** Shared by every app: table name, public URL, token issuer. */
  readonly environment: Record<string, string>;
  /** Defaults to API_APP_SPECS. */
  readonly apps?: readonly ApiAppSpec[];
  /** Defaults to leaving out apps whose entry file is not written yet. */
  readonly resolveEntry?: EntryResolver;
}

/** One function per Hono app in API_APP_SPECS, its routes on the HTTP API and exactly the grants it declares. */
export class ApiFunctions extends Construct {
  readonly functions = new Map<string, AppFunction>();
  /** Every route by its key (`POST /api/webhooks/stripe`), for route settings on the stage. */
  readonly routes = new Map<string, HttpRoute>();

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);
    // Apps still being written appear as soon as their entry file exists.
    const resolveEntry = props.resolveEntry ?? entryIfWritten;
    for (const spec of props.apps ?? API_APP_SPECS) {
      const entry = resolveEntry(spec.entry);
      if (entry) this.functions.set(spec.name, this.addApp({ ...spec, entry }, props));
    }
  }

  private addApp(spec: ApiAppSpec, props: ApiFunctionsProps): AppFunction {
    const fn = new AppFunction(this, pascal(spec.name), {
      service: spec.name,
      entry: spec.entry,
      timeout: Duration.seconds(spec.timeoutSeconds ?? 10),
      environment: {
        ...props.environment,
        ...(spec.stripe ? { STRIPE_SECRET_ARN: props.stripeSecret.secretArn } : {}),
        ...(spec.identity ? { IDENTITY_KMS_KEY_ARN: props.identityKey.keyArn } : {}),
        ...(spec.identity === 'seal' ? { IDENTITY_HASH_SECRET_ARN: props.identityHashSecret.secretArn } : {}),
        ...(spec.writesImages ? { IMAGES_BUCKET: props.imagesBucket.bucketName } : {}),
        ...(spec.shopperLookup ? { SHOPPER_LOOKUP_SECRET_ARN: props.shopperLookupSecret.secretArn } : {}),
        ...(spec.invitesManagers ? { MANAGER_POOL_ID: props.managerPool.userPoolId } : {}),
      },
    });
    grantTableAccess(fn, props.table, props.tableKey, spec.table);
    if (spec.stripe) props.stripeSecret.grantRead(fn);
    if (spec.identity) grantIdentityKey(fn, props.identityKey, spec.identity);
    if (spec.identity === 'seal') grantSecretRead(fn, props.identityHashSecret);
    if (spec.shopperLookup) grantSecretRead(fn, props.shopperLookupSecret);
    if (spec.invitesManagers) {
      // One action on one pool: create a manager's account (its pavilion attribute set), nothing else.
      fn.addToRolePolicy(new PolicyStatement({ actions: ['cognito-idp:AdminCreateUser'], resources: [props.managerPool.userPoolArn] }));
    }
    if (spec.writesImages) {
      // Uploads only (presigned PUTs), only where upload keys go (functions/adapters/images/image-keys.ts:
      // media/products/<product id>/<uuid>.<ext>), which CloudFront serves at /media/products/*.
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [props.imagesBucket.arnForObjects('media/products/*')] }));
    }

    const integration = new HttpLambdaIntegration(`${pascal(spec.name)}Integration`, fn);
    for (const route of spec.routes) {
      const [added] = props.httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
      this.routes.set(`${route.method} ${route.path}`, added!);
    }
    return fn;
  }
}

/**
 * Reads a secret sealed with a customer-managed key. Secret.grantRead would also put the function's
 * role into the key's policy, in the stateful stack, which would then depend on this one (a cycle);
 * the key's policy already trusts the account's IAM policies, so the role's own policy is enough.
 */
function grantSecretRead(grantee: IGrantable, secret: ISecret): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
  );
  if (!secret.encryptionKey) return;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [secret.encryptionKey.keyArn],
      // Usable only through Secrets Manager, not to decrypt the table's data or anything else under this key.
      conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Aws.REGION}.amazonaws.com` } },
    }),
  );
}

/**
 * One action on the identity KMS key, for ID numbers only (the encryption context the adapter sends):
 * sealing makes data keys and cannot unwrap one, opening unwraps and cannot make one. In the role's
 * policy, not the key's, for the same reason as grantSecretRead.
 */
function grantIdentityKey(grantee: IGrantable, key: IKey, use: 'seal' | 'open'): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [use === 'seal' ? 'kms:GenerateDataKey' : 'kms:Decrypt'],
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:EncryptionContext:purpose': IDENTITY_KEY_PURPOSE } },
    }),
  );
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}
