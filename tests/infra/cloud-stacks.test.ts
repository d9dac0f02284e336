import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';
import { API_APP_SPECS } from '../../infra/constructs/api-apps.js';
import { inlineScriptHashes } from '../../infra/constructs/site-csp.js';
import { FIXTURE_REGION, FIXTURE_SITE_DIST, renderIntrinsic, synthCloudApp } from './cloud-app-fixture.js';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

let synth: ReturnType<typeof synthCloudApp>;
let stateful: Template;
let stateless: Template;

const resources = (template: Template, type: string) => Object.entries(template.findResources(type) as Record<string, Resource>);
const only = (template: Template, type: string): Resource => {
  const found = resources(template, type);
  expect(found).toHaveLength(1);
  return found[0]![1];
};
/** Our functions (not CDK's helpers) are the ones Powertools is configured for. */
const appFunctions = () =>
  resources(stateless, 'AWS::Lambda::Function').filter(([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME);
/** A KMS key of the stateful stack by its alias: [logical id, resource]. */
const keyAliased = (alias: string): [string, Resource] => {
  const found = resources(stateful, 'AWS::KMS::Alias').find(([, a]) => a.Properties.AliasName === alias);
  expect(found, alias).toBeDefined();
  const keyId = String(found![1].Properties.TargetKeyId['Fn::GetAtt'][0]);
  return [keyId, stateful.toJSON().Resources[keyId] as Resource];
};
/** The schedule whose target is a function (by its logical id). */
const scheduleOf = (functionId: string) => {
  const found = resources(stateless, 'AWS::Scheduler::Schedule').find(([, schedule]) => schedule.Properties.Target.Arn?.['Fn::GetAtt']?.[0] === functionId);
  if (!found) throw new Error(`no schedule for ${functionId}`);
  return found[1].Properties;
};
const functionOf = (service: string) => {
  const found = appFunctions().find(([, fn]) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === service);
  if (!found) throw new Error(`no function for ${service}`);
  return found;
};

beforeAll(() => {
  // One synth for the file, bundled for real by the local esbuild, with a custom domain so the TLS policy applies.
  synth = synthCloudApp({
    bundle: true,
    customDomain: { domainName: 'shop.example.com', certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/test' },
  });
  stateful = synth.statefulTemplate;
  stateless = synth.statelessTemplate;
});

afterAll(() => rmSync(synth.assembly.directory, { recursive: true, force: true }));

describe('the stateful stack', () => {
  it('is protected against termination', () => {
    expect(synth.stateful.terminationProtection).toBe(true);
  });

  it('builds the table from TABLE_SCHEMA: on-demand, point-in-time recovery, deletion protection, TTL and stream', () => {
    const table = only(stateful, 'AWS::DynamoDB::Table');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    const p = table.Properties;
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(p.DeletionProtectionEnabled).toBe(true);
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true });
    expect(p.StreamSpecification).toEqual({ StreamViewType: TABLE_SCHEMA.streamView });
    expect(p.KeySchema).toEqual([
      { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
    ]);
    expect(p.GlobalSecondaryIndexes.map((index: any) => ({ name: index.IndexName, keys: index.KeySchema }))).toEqual(
      TABLE_SCHEMA.globalIndexes.map((index) => ({
        name: index.indexName,
        keys: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
      })),
    );
  });

  it('seals the table with its own rotating KMS key for personal data', () => {
    const [keyId, key] = keyAliased('alias/sco-bazaar/personal-data');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
    const sse = only(stateful, 'AWS::DynamoDB::Table').Properties.SSESpecification;
    expect(sse).toMatchObject({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
  });

  it('keeps every bucket private, retained, and reachable over TLS only', () => {
    const buckets = resources(stateful, 'AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    const policies = resources(stateful, 'AWS::S3::BucketPolicy').map(([, policy]) => policy.Properties);
    for (const [id, bucket] of buckets) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      const policy = policies.find((p) => p.Bucket?.Ref === id);
      expect(policy, `policy of ${id}`).toBeDefined();
      expect(policy!.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      expect(JSON.stringify(policy!.PolicyDocument)).not.toMatch(/"Principal":\s*"\*"[^}]*"Effect":\s*"Allow"/);
    }
  });

  it('lets only CloudFront distributions of this account read the site and images buckets', () => {
    const oacStatements = resources(stateful, 'AWS::S3::BucketPolicy')
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as any[])
      .filter((statement) => statement.Principal?.Service === 'cloudfront.amazonaws.com');
    expect(oacStatements).toHaveLength(2);
    for (const statement of oacStatements) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.Action).toEqual(['s3:GetObject', 's3:ListBucket']);
      expect(renderIntrinsic(statement.Condition.ArnLike['AWS:SourceArn'])).toBe(
        'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/*',
      );
    }
  });

  it('has a KMS key of its own for ID numbers: symmetric, rotating, kept, trusting only the account’s IAM policies', () => {
    const [keyId, key] = keyAliased('alias/sco-bazaar/identity');
    expect(keyId).not.toBe(keyAliased('alias/sco-bazaar/personal-data')[0]);
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.Properties.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
    expect(key.Properties.KeyUsage ?? 'ENCRYPT_DECRYPT').toBe('ENCRYPT_DECRYPT');
    expect(key.DeletionPolicy).toBe('Retain');
    expect(key.UpdateReplacePolicy).toBe('Retain');
    // No function is named in the key's policy: each role's own policy says what it may do (the stateless stack's tests).
    for (const statement of key.Properties.KeyPolicy.Statement) {
      expect(renderIntrinsic(statement.Principal.AWS)).toBe('arn:${AWS::Partition}:iam::${AWS::AccountId}:root');
    }
  });

  const secrets = () => resources(stateful, 'AWS::SecretsManager::Secret');
  const secretNamed = (word: string) => {
    const found = secrets().filter(([, secret]) => String(secret.Properties.Description).includes(word));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('creates the Stripe secret for the operator to fill, and keeps it', () => {
    // Stripe's keys, the yearly count's hash key, the shopper lookup key (tests/infra/operator-console-stack.test.ts)
    // and the origin secret CloudFront sends to the API (tests/infra/edge-stack.test.ts).
    expect(secrets()).toHaveLength(4);
    const [, secret] = secretNamed('Stripe');
    expect(secret.DeletionPolicy).toBe('Retain');
  });

  it('generates the hash key of the yearly count (64 letters and digits), seals it with the personal-data key, and keeps it', () => {
    const [, secret] = secretNamed('resident ID');
    expect(secret.Properties.Description).toMatch(/HMAC/);
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.UpdateReplacePolicy).toBe('Retain');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false });
    expect(secret.Properties).not.toHaveProperty('SecretString');
    const [keyId] = keyAliased('alias/sco-bazaar/personal-data');
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
  });

  it('shows no secret value in any output or template: only the hash secret’s ARN crosses to the functions', () => {
    const [identityId] = secretNamed('resident ID');
    // The one secret CloudFormation resolves is the origin header's, which is not a key to any data (tests/infra/edge-stack.test.ts).
    const [originId] = secretNamed('x-origin-verify');
    const withoutOriginSecret = (template: Template) =>
      JSON.stringify(template.toJSON()).replaceAll(/"\{\{resolve:secretsmanager:",\{"Fn::ImportValue":"ScoBazaarStateful:ExportsOutputRef(\w+)"\},":SecretString:::\}\}"/g, (all, exported: string) => (exported.startsWith(originId) ? '' : all));
    for (const template of [stateful, stateless]) expect(withoutOriginSecret(template)).not.toMatch(/resolve:secretsmanager|"SecretString"/);
    const outputs = Object.values(stateful.toJSON().Outputs ?? {}) as Array<{ Value: unknown }>;
    for (const output of outputs.filter((o) => JSON.stringify(o.Value).includes(identityId))) expect(output.Value).toEqual({ Ref: identityId });
  });

  it('has an operators group in the managers’ user pool, kept like the accounts', () => {
    const [poolId] = resources(stateful, 'AWS::Cognito::UserPool')[0]!;
    const group = only(stateful, 'AWS::Cognito::UserPoolGroup');
    expect(group.Properties).toMatchObject({ GroupName: 'operators', UserPoolId: { Ref: poolId } });
    expect(group.DeletionPolicy).toBe('Retain');
  });

  it('gives pavilion managers operator-made accounts with a pavilion attribute and a second factor', () => {
    const pool = only(stateful, 'AWS::Cognito::UserPool');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.Properties.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.Schema).toContainEqual(expect.objectContaining({ Name: 'pavilion', AttributeDataType: 'String', Mutable: true }));
  });
});

describe('the stateless stack: site and CloudFront', () => {
  const distribution = () => only(stateless, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;

  it('reads both buckets through Origin Access Control', () => {
    const oacs = resources(stateless, 'AWS::CloudFront::OriginAccessControl');
    expect(oacs).toHaveLength(2);
    for (const [, oac] of oacs) {
      expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      });
    }
    const s3Origins = distribution().Origins.filter((origin: any) => origin.S3OriginConfig);
    expect(s3Origins).toHaveLength(2);
    for (const origin of s3Origins) expect(origin.OriginAccessControlId).toBeDefined();
  });

  it('redirects http to https, enforces TLSv1.2_2021 and serves directory indexes', () => {
    const config = distribution();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    expect(config.Aliases).toEqual(['shop.example.com']);
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      expect.objectContaining({ EventType: 'viewer-request' }),
    ]);
  });

  it('forwards /api/* to the HTTP API uncached, with every method, query string, cookie and header but Host', () => {
    const config = distribution();
    const api = config.CacheBehaviors.find((behavior: any) => behavior.PathPattern === '/api/*');
    expect(api).toBeDefined();
    expect(api.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
    expect(api.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
    expect(api.OriginRequestPolicyId).toBe(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId);
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(renderIntrinsic(origin.DomainName)).toMatch(/^\$\{Ref:ApiHttpApi.*\}\.execute-api\.\$\{AWS::Region\}\.\$\{AWS::URLSuffix\}$/);
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
  });

  it('serves /media/* from the images bucket', () => {
    const config = distribution();
    const media = config.CacheBehaviors.find((behavior: any) => behavior.PathPattern === '/media/*');
    const origin = config.Origins.find((o: any) => o.Id === media.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain('ImagesBucket');
    expect(media.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('sends a CSP that allows our scripts and the built site’s inline scripts by hash, and Stripe only as a form target', () => {
    const policy = only(stateless, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig;
    const csp = renderIntrinsic(policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    const [fixtureHash] = inlineScriptHashes(FIXTURE_SITE_DIST);
    // 'wasm-unsafe-eval': search compiles Pagefind's WebAssembly (from /pagefind/, our own origin).
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", `'${fixtureHash}'`]);
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:']);
    // …and the images bucket, where the workspace uploads through presigned URLs, and the managed login,
    // whose /oauth2/token the workspace and the console POST their sign-in code to.
    expect(directives['connect-src']).toEqual([
      "'self'",
      expect.stringMatching(/^https:\/\/\$\{Import:.*\}$/),
      'https://sco-bazaar-${AWS::AccountId}.auth.${AWS::Region}.amazoncognito.com',
    ]);
    expect(directives['form-action']).toEqual(["'self'", 'https://checkout.stripe.com']);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(policy.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
      FrameOptions: { FrameOption: 'DENY' },
    });
    const behaviors = [distribution().DefaultCacheBehavior, ...distribution().CacheBehaviors];
    for (const behavior of behaviors) expect(behavior.ResponseHeadersPolicyId).toBeDefined();
  });

  it('uploads the built site on deploy and invalidates the distribution', () => {
    stateless.hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionPaths: ['/*'],
      Prune: true,
      DestinationBucketName: Match.anyValue(),
    });
  });
});

describe('the stateless stack: functions and API', () => {
  it('has one Node.js 22 ARM64 function per app, plus the sweep, the rates refresh, the republish trigger, the image variants and the mail sender', () => {
    const services = appFunctions().map(([, fn]) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).sort();
    expect(services).toEqual([...API_APP_SPECS.map((app) => app.name), 'image-variants', 'mail', 'rates', 'republish', 'sweep'].sort());
    for (const [, fn] of appFunctions()) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Environment.Variables).toMatchObject({ POWERTOOLS_METRICS_NAMESPACE: 'ScoBazaar' });
      // No --enable-source-maps: stacks are mapped only when an error is logged (functions/adapters/observability/mapped-stack.ts).
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
    }
  });

  it('bundles each function with the local esbuild into one minified ESM file with a source map', () => {
    const [, catalogue] = functionOf('catalogue');
    const assetHash = String(catalogue.Properties.Code.S3Key).replace(/\.zip$/, '');
    const assetDir = join(synth.assembly.directory, `asset.${assetHash}`);
    expect(existsSync(join(assetDir, 'index.mjs'))).toBe(true);
    expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(code).toMatch(/export\{[\w$]+ as handler\};\n\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    // Minified: a handful of very long lines.
    expect(code.length / code.split('\n').length).toBeGreaterThan(500);
    // sharp (native code) stays out of the API functions' bundles: only the image variants function ships it.
    expect(code).not.toMatch(/sharp-libvips|@img\/sharp-/);
  });

  it('routes exactly the routes of API_APP_SPECS, throttled at the stage', () => {
    const routeKeys = resources(stateless, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey).sort();
    expect(routeKeys).toEqual(API_APP_SPECS.flatMap((app) => app.routes.map((r) => `${r.method} ${r.path}`)).sort());
    const stage = only(stateless, 'AWS::ApiGatewayV2::Stage').Properties;
    expect(stage.StageName).toBe('$default');
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    expect(stage.AccessLogSettings.Format).not.toMatch(/sourceIp/);
  });

  it('grants table access action by action: no wildcard and no Scan on the table', () => {
    const statements = resources(stateless, 'AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as any[]);
    const tableActions = statements.flatMap((s) => [s.Action].flat()).filter((action: string) => action.startsWith('dynamodb:') || action === '*');
    expect(tableActions.length).toBeGreaterThan(0);
    for (const action of tableActions) {
      expect(action).not.toContain('*');
      expect(action).not.toBe('dynamodb:Scan');
    }
  });

  const policyOf = (service: string) => {
    const [, fn] = functionOf(service);
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    return resources(stateless, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === role))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as any[]);
  };

  it('lets the catalogue read but not write, and only the apps that pay read the Stripe secret', () => {
    const actionsOf = (service: string) => policyOf(service).flatMap((s) => [s.Action].flat());
    expect(actionsOf('catalogue')).not.toContain('dynamodb:PutItem');
    expect(actionsOf('catalogue')).not.toContain('secretsmanager:GetSecretValue');
    // The pavilion and operator apps refund (through Stripe) too.
    for (const paying of ['shop', 'webhooks', 'sweep', 'pavilion', 'operator']) {
      expect(actionsOf(paying)).toContain('secretsmanager:GetSecretValue');
      expect(functionOf(paying)[1].Properties.Environment.Variables.STRIPE_SECRET_ARN).toBeDefined();
    }
    expect(actionsOf('pavilion')).toContain('s3:PutObject');
  });

  const services = () => appFunctions().map(([, fn]) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME as string);

  it('lets only the shop make identity data keys and only the operator app unwrap them, for ID numbers only', () => {
    const [identityKeyId] = keyAliased('alias/sco-bazaar/identity');
    // Every statement of every role in the stack that names the identity key, CDK's helpers included.
    const onIdentityKey = resources(stateless, 'AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as any[])
        .filter((statement) => JSON.stringify(statement.Resource).includes(identityKeyId))
        .map((statement) => ({ roles: policy.Properties.Roles.map((r: any) => r.Ref), statement })),
    );
    const roleOf = (service: string) => functionOf(service)[1].Properties.Role['Fn::GetAtt'][0];
    expect(onIdentityKey).toHaveLength(2);
    expect(onIdentityKey.map(({ roles, statement }) => ({ roles, action: statement.Action })).sort((a, b) => a.action.localeCompare(b.action))).toEqual([
      { roles: [roleOf('operator')], action: 'kms:Decrypt' },
      { roles: [roleOf('shop')], action: 'kms:GenerateDataKey' },
    ]);
    for (const { statement } of onIdentityKey) {
      expect(statement.Effect).toBe('Allow');
      expect(renderIntrinsic(statement.Resource)).toMatch(new RegExp(`^\\$\\{Import:.*${identityKeyId}.*\\}$`));
      expect(statement.Condition).toEqual({ StringEquals: { 'kms:EncryptionContext:purpose': 'resident-id' } });
    }
    // No role gets KMS actions on every key instead.
    const kmsOnAnyKey = resources(stateless, 'AWS::IAM::Policy')
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as any[])
      .filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('kms:')) && [statement.Resource].flat().includes('*'));
    expect(kmsOnAnyKey).toEqual([]);
    const withKeyArn = services().filter((service) => functionOf(service)[1].Properties.Environment.Variables.IDENTITY_KMS_KEY_ARN);
    expect(withKeyArn.sort()).toEqual(['operator', 'shop']);
    for (const service of withKeyArn) {
      expect(renderIntrinsic(functionOf(service)[1].Properties.Environment.Variables.IDENTITY_KMS_KEY_ARN)).toMatch(new RegExp(`^\\$\\{Import:.*${identityKeyId}.*\\}$`));
    }
  });

  it('lets only the shop (which counts the yearly limit) read the hash secret, the operator app not', () => {
    const [hashSecretId] = resources(stateful, 'AWS::SecretsManager::Secret').find(([, secret]) => /HMAC/.test(secret.Properties.Description))!;
    const readsHashSecret = (service: string) =>
      policyOf(service).some(
        (statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue') && JSON.stringify(statement.Resource).includes(hashSecretId),
      );
    const decryptsThroughSecretsManager = (service: string) =>
      policyOf(service).some(
        (statement) => [statement.Action].flat().includes('kms:Decrypt') && /secretsmanager\./.test(JSON.stringify(statement.Condition ?? {})),
      );
    expect(services().filter(readsHashSecret)).toEqual(['shop']);
    expect(services().filter((service) => functionOf(service)[1].Properties.Environment.Variables.IDENTITY_HASH_SECRET_ARN)).toEqual(['shop']);
    // The operator app decrypts through Secrets Manager too, for the shopper lookup key only (tests/infra/operator-console-stack.test.ts).
    expect(services().filter(decryptsThroughSecretsManager).sort()).toEqual(['operator', 'shop']);
    expect(services().filter((service) => functionOf(service)[1].Properties.Environment.Variables.IDENTITY_KEY_SECRET_ARN)).toEqual([]);
    expect(renderIntrinsic(functionOf('shop')[1].Properties.Environment.Variables.IDENTITY_HASH_SECRET_ARN)).toMatch(new RegExp(`^\\$\\{Import:.*${hashSecretId}.*\\}$`));
  });

  it('routes every path under /api/operator to the operator function, which reads the table and writes refunds with their audit records', () => {
    const [operatorId] = functionOf('operator');
    const route = resources(stateless, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === 'ANY /api/operator/{proxy+}');
    expect(route).toBeDefined();
    const integrationId = String(route![1].Properties.Target['Fn::Join'][1][1].Ref);
    const integration = stateless.toJSON().Resources[integrationId];
    expect(JSON.stringify(integration.Properties.IntegrationUri)).toContain(operatorId);
    const actions = policyOf('operator').flatMap((statement) => [statement.Action].flat());
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('dynamodb:PutItem');
    expect(actions).toContain('dynamodb:UpdateItem');
  });

  it('tells every app the Cognito issuer, audience (the client id), key set and sign-in page', () => {
    for (const app of API_APP_SPECS) {
      const env = functionOf(app.name)[1].Properties.Environment.Variables;
      expect(renderIntrinsic(env.AUTH_ISSUER)).toMatch(
        /^https:\/\/cognito-idp\.\$\{AWS::Region\}\.\$\{AWS::URLSuffix\}\/\$\{Import:.*PavilionManagers.*\}$/,
      );
      expect(renderIntrinsic(env.AUTH_JWKS_URL)).toBe(`${renderIntrinsic(env.AUTH_ISSUER)}/.well-known/jwks.json`);
      expect(renderIntrinsic(env.AUTH_AUDIENCE)).toMatch(/^\$\{Ref:PavilionSignInSite.*\}$/);
      expect(renderIntrinsic(env.PUBLIC_BASE_URL)).toBe('https://shop.example.com');
      // The managed login's URL names the stack's region as CDK knows it (the fixture's, FIXTURE_REGION).
      expect(FIXTURE_REGION).toBe('ap-southeast-1');
      expect(renderIntrinsic(env.AUTH_SIGN_IN_URL)).toMatch(
        /^https:\/\/\$\{Ref:PavilionSignInLogin.*\}\.auth\.ap-southeast-1\.amazoncognito\.com\/oauth2\/authorize\?client_id=\$\{Ref:PavilionSignInSite.*\}&response_type=code&scope=openid\+email&redirect_uri=https:\/\/shop\.example\.com\/pavilion\/$/,
      );
      expect(renderIntrinsic(env.AUTH_SIGN_OUT_URL)).toMatch(
        /^https:\/\/\$\{Ref:PavilionSignInLogin.*\}\.auth\.ap-southeast-1\.amazoncognito\.com\/logout\?client_id=\$\{Ref:PavilionSignInSite.*\}&logout_uri=https:\/\/shop\.example\.com\/pavilion\/$/,
      );
      // The operator console: the same client and login, returning to /operator/.
      expect(renderIntrinsic(env.AUTH_OPERATOR_SIGN_IN_URL)).toBe(renderIntrinsic(env.AUTH_SIGN_IN_URL).replace(/\/pavilion\/$/, '/operator/'));
      expect(renderIntrinsic(env.AUTH_OPERATOR_SIGN_OUT_URL)).toBe(renderIntrinsic(env.AUTH_SIGN_OUT_URL).replace(/\/pavilion\/$/, '/operator/'));
    }
  });

  it('lets the sign-in return only to the workspace and the operator console, by the code flow of a public client', () => {
    const client = only(stateless, 'AWS::Cognito::UserPoolClient').Properties;
    // The code flow (the pages add PKCE); no implicit grant, no secret a static page could not keep anyway.
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.GenerateSecret).toBe(false);
    // The CSP names the login by the same origin the sign-in URL uses.
    const login = renderIntrinsic(only(stateless, 'AWS::Cognito::UserPoolDomain').Properties.Domain);
    expect(login).toBe('sco-bazaar-${AWS::AccountId}');
    expect(client.CallbackURLs).toEqual(['https://shop.example.com/pavilion/', 'https://shop.example.com/operator/']);
    expect(client.LogoutURLs).toEqual(['https://shop.example.com/pavilion/', 'https://shop.example.com/operator/']);
  });

  it('lets no app client write custom:pavilion, so only an administrator decides a manager’s pavilion', () => {
    // Cognito lets a client write every mutable attribute when WriteAttributes is left out, so an empty
    // list must be there, on every client of both stacks; invitations set the attribute through the
    // administrator's AdminCreateUser (IAM), not through a client (tests/infra/operator-console-stack.test.ts).
    const clients = [...resources(stateful, 'AWS::Cognito::UserPoolClient'), ...resources(stateless, 'AWS::Cognito::UserPoolClient')];
    expect(clients.length).toBeGreaterThan(0);
    for (const [id, client] of clients) {
      expect(Array.isArray(client.Properties.WriteAttributes), id).toBe(true);
      expect(client.Properties.WriteAttributes, id).not.toContain('custom:pavilion');
      expect(client.Properties.WriteAttributes, id).toEqual([]);
    }
    // The client may read it: the ID token carries it.
    expect(only(stateless, 'AWS::Cognito::UserPoolClient').Properties.ReadAttributes).toContain('custom:pavilion');
  });
});

describe('the stateless stack: schedules, republishing, alarms, outputs', () => {
  it('runs the sweep every five minutes, with a dead-letter queue and a failure destination', () => {
    const [sweepId] = functionOf('sweep');
    const schedule = scheduleOf(sweepId);
    expect(schedule.ScheduleExpression).toBe('rate(5 minutes)');
    expect(schedule.Target.Arn).toEqual({ 'Fn::GetAtt': [sweepId, 'Arn'] });
    expect(schedule.Target.DeadLetterConfig.Arn).toBeDefined();
    stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: sweepId },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('refreshes the exchange rates daily at 17:00 Moscow time, retried, then parked in the failures queue', () => {
    // The sweep's, the rates refresh's and the mail sender's (tests/infra/mail-stack.test.ts).
    expect(resources(stateless, 'AWS::Scheduler::Schedule')).toHaveLength(3);
    const [ratesId, rates] = functionOf('rates');
    const schedule = scheduleOf(ratesId);
    expect(schedule.ScheduleExpression).toBe('cron(0 17 * * ? *)');
    expect(schedule.ScheduleExpressionTimezone).toBe('Europe/Moscow');
    expect(schedule.Target.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 3 });
    const [failuresId] = resources(stateless, 'AWS::SQS::Queue').find(([id]) => id.startsWith('FailedAsyncWork'))!;
    expect(schedule.Target.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [failuresId, 'Arn'] });
    stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: ratesId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failuresId, 'Arn'] } } },
    });
    expect(rates.Properties.Handler).toBe('index.handler');
  });

  it('lets the rates refresh write the table item by item, and runs it once on the first deploy without waiting for it', () => {
    const [ratesId, rates] = functionOf('rates');
    const role = String(rates.Properties.Role['Fn::GetAtt'][0]);
    const actions = resources(stateless, 'AWS::IAM::Policy')
      .filter(([, policy]) => policy.Properties.Roles.some((r: any) => r.Ref === role))
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement.flatMap((statement: any) => [statement.Action].flat()));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem']));
    expect(actions).not.toContain('dynamodb:Scan');
    const [, onDeploy] = resources(stateless, 'Custom::AWS').find(([id]) => id.startsWith('RatesRefreshRefreshOnFirstDeploy'))!;
    const create = JSON.parse(renderIntrinsic(onDeploy.Properties.Create).replace(`\${Ref:${ratesId}}`, ratesId));
    expect(create).toMatchObject({ service: 'Lambda', action: 'invoke', parameters: { FunctionName: ratesId, InvocationType: 'Event' } });
    expect(onDeploy.Properties.Update).toBeUndefined();
  });

  it('republishes on product and pavilion changes from the stream, debounced by a 300 s batching window', () => {
    // The republish trigger's stream mapping (the mail sender has its own: tests/infra/mail-stack.test.ts).
    const [triggerId] = functionOf('republish');
    const mapping = resources(stateless, 'AWS::Lambda::EventSourceMapping').find(([, m]) => m.Properties.FunctionName?.Ref === triggerId)![1].Properties;
    expect(mapping.MaximumBatchingWindowInSeconds).toBe(300);
    expect(mapping.DestinationConfig.OnFailure.Destination).toBeDefined();
    const patterns = mapping.FilterCriteria.Filters.map((f: any) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      { dynamodb: { Keys: { PK: { S: [{ prefix: 'PRODUCT#' }] } } } },
      { dynamodb: { Keys: { PK: { S: ['PAVILIONS'] } } } },
    ]);
    const project = only(stateless, 'AWS::CodeBuild::Project').Properties;
    expect(project.ConcurrentBuildLimit).toBe(1);
    const buildspec: string = project.Source.BuildSpec;
    for (const step of ['npm ci', 'npm run build:site', 'aws s3 sync site/dist', 'aws cloudfront create-invalidation']) {
      expect(buildspec).toContain(step);
    }
  });

  it('raises alarms on the API 5xx rate, every function’s errors, table throttling and parked async work', () => {
    const alarms = resources(stateless, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
    const metricNames = (alarm: any) =>
      [alarm.MetricName, ...(alarm.Metrics ?? []).map((m: any) => m.MetricStat?.Metric?.MetricName)].filter(Boolean);
    const api = alarms.find((a) => metricNames(a).includes('5xx'));
    expect(api?.Metrics.find((m: any) => m.Expression)?.Expression).toContain('100 * errors / requests');
    expect(alarms.filter((a) => a.MetricName === 'Errors' && a.Namespace === 'AWS/Lambda')).toHaveLength(appFunctions().length);
    const throttles = alarms.find((a) => metricNames(a).includes('ReadThrottleEvents'));
    const indexes = throttles!.Metrics.flatMap((m: any) => m.MetricStat?.Metric?.Dimensions ?? [])
      .filter((d: any) => d.Name === 'GlobalSecondaryIndexName')
      .map((d: any) => d.Value);
    expect(new Set(indexes)).toEqual(new Set(TABLE_SCHEMA.globalIndexes.map((i) => i.indexName)));
    expect(alarms.some((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toBe(true);
  });

  it('alarms on any refused Stripe webhook and on Stripe failing checkouts, from the metrics the functions count', () => {
    const alarms = resources(stateless, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const rejected = alarms.find((a) => a.MetricName === 'WebhookRejected');
    expect(rejected).toMatchObject({ Namespace: 'ScoBazaar', Dimensions: [{ Name: 'service', Value: 'webhooks' }], Statistic: 'Sum', Period: 300, Threshold: 0 });
    const providerDown = alarms.find((a) => a.MetricName === 'CheckoutPaymentProviderFailed');
    expect(providerDown).toMatchObject({ Namespace: 'ScoBazaar', Dimensions: [{ Name: 'service', Value: 'shop' }], Threshold: 2 });
  });

  it('alarms on any order the sweep could not handle and on any refund Stripe reports failed', () => {
    const alarms = resources(stateless, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms.find((a) => a.MetricName === 'SweepOrderFailed')).toMatchObject({ Namespace: 'ScoBazaar', Dimensions: [{ Name: 'service', Value: 'sweep' }], Threshold: 0 });
    expect(alarms.find((a) => a.MetricName === 'RefundsFailed')).toMatchObject({ Namespace: 'ScoBazaar', Dimensions: [{ Name: 'service', Value: 'webhooks' }], Threshold: 0 });
  });

  it('alarms on any checkout refused for stale exchange rates, and before that on 36 hours without a successful refresh', () => {
    const alarms = resources(stateless, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const stale = alarms.find((a) => a.MetricName === 'CheckoutRatesStale');
    expect(stale).toMatchObject({ Namespace: 'ScoBazaar', Dimensions: [{ Name: 'service', Value: 'shop' }], Statistic: 'Sum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    const notRefreshed = alarms.find((a) => a.MetricName === 'RatesRefreshed');
    // Three 12-hour periods in a row with no successful refresh (no data counts as none).
    expect(notRefreshed).toMatchObject({
      Namespace: 'ScoBazaar',
      Dimensions: [{ Name: 'service', Value: 'rates' }],
      Period: 43_200,
      EvaluationPeriods: 3,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    expect(stale!.AlarmActions).toHaveLength(1);
    expect(notRefreshed!.AlarmActions).toEqual(stale!.AlarmActions);
  });

  it('outputs the site URL, the API URL and the user pool id', () => {
    const outputs = stateless.toJSON().Outputs;
    expect(renderIntrinsic(outputs.SiteUrl.Value)).toBe('https://shop.example.com');
    expect(renderIntrinsic(outputs.ApiUrl.Value)).toBe('https://shop.example.com/api/');
    expect(renderIntrinsic(outputs.UserPoolId.Value)).toMatch(/PavilionManagers/);
  });
});

describe('the image variants: uploads to the images bucket get their WebP sizes', () => {
  const statementsOf = (service: string) => {
    const [, fn] = functionOf(service);
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    return resources(stateless, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === role))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as any[]);
  };
  const objectPaths = (resource: unknown) => [resource].flat().map((r) => renderIntrinsic(r).replace(/^.*ImagesBucket[^/]*\//, ''));

  it('turns on EventBridge on the images bucket itself (no custom resource)', () => {
    const images = resources(stateful, 'AWS::S3::Bucket').filter(([id]) => id.startsWith('ImagesBucket'));
    expect(images).toHaveLength(1);
    expect(images[0]![1].Properties.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    expect(resources(stateful, 'Custom::S3BucketNotifications')).toHaveLength(0);
  });

  it('sends S3 "Object Created" events under media/products/ of that bucket to the function, retried, then parked in the failures queue', () => {
    const [fnId] = functionOf('image-variants');
    const rule = resources(stateless, 'AWS::Events::Rule').find(([, r]) => r.Properties.Targets?.some((t: any) => t.Arn?.['Fn::GetAtt']?.[0] === fnId));
    expect(rule).toBeDefined();
    const { EventPattern: pattern, Targets: [target] } = rule![1].Properties;
    expect(pattern.source).toEqual(['aws.s3']);
    expect(pattern['detail-type']).toEqual(['Object Created']);
    expect(pattern.detail.object.key).toEqual([{ prefix: 'media/products/' }]);
    expect(renderIntrinsic(pattern.detail.bucket.name[0])).toMatch(/ImagesBucket/);
    const [failuresId] = resources(stateless, 'AWS::SQS::Queue').find(([id]) => id.startsWith('FailedAsyncWork'))!;
    expect(target.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [failuresId, 'Arn'] });
    expect(target.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 4 });
    stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failuresId, 'Arn'] } } },
    });
  });

  it('may read uploads and write only variant names: it can never replace an original', () => {
    const statements = statementsOf('image-variants').filter((s) => [s.Action].flat().some((a: string) => a.startsWith('s3:')));
    const byAction = Object.fromEntries(statements.map((s) => [[s.Action].flat().join(','), objectPaths(s.Resource)]));
    expect(byAction).toEqual({
      's3:GetObject': ['media/products/*'],
      's3:PutObject': ['media/products/*-320.webp', 'media/products/*-640.webp', 'media/products/*-1280.webp'],
    });
    const [, fn] = functionOf('image-variants');
    expect(renderIntrinsic(fn.Properties.Environment.Variables.IMAGES_BUCKET)).toMatch(/ImagesBucket/);
  });

  it('ships sharp beside the bundle with its Linux ARM64 binaries, not the build machine’s', () => {
    const [, fn] = functionOf('image-variants');
    expect(fn.Properties.Architectures).toEqual(['arm64']);
    const assetDir = join(synth.assembly.directory, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(code).toContain('import("sharp")');
    const modules = join(assetDir, 'node_modules');
    const pinned = JSON.parse(readFileSync('package.json', 'utf8')).dependencies.sharp;
    expect(JSON.parse(readFileSync(join(modules, 'sharp', 'package.json'), 'utf8')).version).toBe(pinned);
    expect(existsSync(join(modules, '@img', 'sharp-linux-arm64'))).toBe(true);
    expect(existsSync(join(modules, '@img', 'sharp-libvips-linux-arm64'))).toBe(true);
    expect(existsSync(join(modules, '@img', 'sharp-linux-x64'))).toBe(false);
  });
});

describe('the republish build, for search engines', () => {
  it('builds the site for its public origin: canonical, hreflang and the sitemap are absolute from SITE_URL', () => {
    const project = only(stateless, 'AWS::CodeBuild::Project').Properties;
    const variables = Object.fromEntries(project.Environment.EnvironmentVariables.map((v: any) => [v.Name, renderIntrinsic(v.Value)]));
    expect(variables.SITE_URL).toBe('https://shop.example.com');
  });
});
