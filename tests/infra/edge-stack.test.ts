import { rmSync } from 'node:fs';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, mailKeys, mailQueries, queries } from '../../functions/adapters/dynamodb/keys.js';
import type { IndexName } from '../../functions/adapters/dynamodb/table-schema.js';
import { ORIGIN_VERIFY_ENV, ORIGIN_VERIFY_HEADER } from '../../functions/http/origin-guard.js';
import { API_APP_SPECS } from '../../infra/constructs/api-apps.js';
import { IMPORT_PATH, LARGE_BODY_PREFIX, RATE_LIMITS, WEBHOOK_PATH } from '../../infra/constructs/web-acl.js';
import { WEBHOOK_ROUTE_KEY } from '../../infra/stacks/stateless-stack.js';
import { FIXTURE_REGION, renderIntrinsic, synthCloudApp } from './cloud-app-fixture.js';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };
type Statement = { Effect: 'Allow' | 'Deny'; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, string | string[]>> };

let synth: ReturnType<typeof synthCloudApp>;
let edge: Template;
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  // Not bundled and not nagged (tests/infra/cdk-nag.test.ts runs the checks): templates only.
  synth = synthCloudApp();
  edge = synth.edgeTemplate;
  stateful = synth.statefulTemplate;
  stateless = synth.statelessTemplate;
});

afterAll(() => rmSync(synth.assembly.directory, { recursive: true, force: true }));

const resources = (template: Template, type: string) => Object.entries(template.findResources(type) as Record<string, Resource>);
const only = (template: Template, type: string): [string, Resource] => {
  const found = resources(template, type);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const appFunctions = () => resources(stateless, 'AWS::Lambda::Function').filter(([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME);
const functionOf = (service: string) => {
  const found = appFunctions().find(([, fn]) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === service);
  if (!found) throw new Error(`no function for ${service}`);
  return found;
};
const statementsOfRole = (roleId: string): Statement[] =>
  resources(stateless, 'AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((role: any) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[]);
const roleOfFunction = (service: string) => String(functionOf(service)[1].Properties.Role['Fn::GetAtt'][0]);
const roleOfSiteBuild = () => String(only(stateless, 'AWS::CodeBuild::Project')[1].Properties.ServiceRole['Fn::GetAtt'][0]);

describe('AWS WAF in front of CloudFront', () => {
  const rules = () => only(edge, 'AWS::WAFv2::WebACL')[1].Properties.Rules as any[];
  const rule = (name: string) => {
    const found = rules().find((r) => r.Name === name);
    if (!found) throw new Error(`no rule ${name}`);
    return found;
  };

  it('keeps the web ACL in a stack of its own in us-east-1 (scope CLOUDFRONT), whatever region the shop runs in', () => {
    expect(synth.edge.region).toBe('us-east-1');
    expect(synth.stateless.region).toBe(FIXTURE_REGION);
    const [, acl] = only(edge, 'AWS::WAFv2::WebACL');
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
  });

  it('puts the distribution behind it: CDK writes the ARN into the shop’s region and the distribution reads it there', () => {
    const [aclId] = only(edge, 'AWS::WAFv2::WebACL');
    const [, writer] = only(edge, 'Custom::CrossRegionExportWriter');
    expect(writer.Properties.WriterProps.region).toBe(FIXTURE_REGION);
    const exports = writer.Properties.WriterProps.exports as Record<string, unknown>;
    const [parameter] = Object.entries(exports).find(([, value]) => JSON.stringify(value) === JSON.stringify({ 'Fn::GetAtt': [aclId, 'Arn'] }))!;
    const [readerId] = only(stateless, 'Custom::CrossRegionExportReader');
    const [, distribution] = only(stateless, 'AWS::CloudFront::Distribution');
    expect(distribution.Properties.DistributionConfig.WebACLId).toEqual({ 'Fn::GetAtt': [readerId, parameter] });
  });

  it('limits checkout and carts per IP, with 429 and Retry-After, on their paths however they are spelled', () => {
    for (const limit of RATE_LIMITS) {
      const { Statement: statement, Action: action } = rule(limit.name);
      expect(statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: limit.limit, EvaluationWindowSec: 300 });
      const match = statement.RateBasedStatement.ScopeDownStatement.ByteMatchStatement;
      expect(match).toMatchObject({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH', SearchString: limit.pathPrefix });
      expect(match.TextTransformations.map((t: any) => t.Type)).toEqual(['URL_DECODE', 'NORMALIZE_PATH', 'LOWERCASE']);
      expect(action.Block.CustomResponse).toMatchObject({ ResponseCode: 429, ResponseHeaders: [{ Name: 'retry-after', Value: '300' }] });
    }
    expect(RATE_LIMITS.map((l) => l.pathPrefix)).toEqual(['/api/checkout', '/api/carts']);
    const [, acl] = only(edge, 'AWS::WAFv2::WebACL');
    const body = JSON.parse(acl.Properties.CustomResponseBodies[rule(RATE_LIMITS[0].name).Action.Block.CustomResponse.CustomResponseBodyKey].Content);
    expect(body).toMatchObject({ status: 429, title: expect.any(String) });
  });

  it('never rate-limits Stripe’s webhook: no rate rule’s path is a prefix of it', () => {
    const scoped = rules().filter((r) => r.Statement.RateBasedStatement);
    expect(scoped).toHaveLength(RATE_LIMITS.length);
    for (const r of scoped) expect(WEBHOOK_PATH.toLowerCase().startsWith(r.Statement.RateBasedStatement.ScopeDownStatement.ByteMatchStatement.SearchString)).toBe(false);
  });

  it('runs AWS’s common rule set everywhere but the signed webhook, its body-size block counted instead of blocking', () => {
    const common = rule('AwsCommonRules');
    expect(common.OverrideAction).toEqual({ None: {} });
    const group = common.Statement.ManagedRuleGroupStatement;
    expect(group).toMatchObject({ VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' });
    expect(group.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
    expect(group.ScopeDownStatement.NotStatement.Statement.ByteMatchStatement).toMatchObject({
      FieldToMatch: { UriPath: {} },
      PositionalConstraint: 'EXACTLY',
      SearchString: WEBHOOK_PATH,
    });
  });

  it('still blocks bodies over 8 KB after the common rules, except in the pavilion workspace (CSV import, listings)', () => {
    const common = rule('AwsCommonRules');
    const large = rule('LargeBodyOutsideWorkspace');
    expect(large.Priority).toBeGreaterThan(common.Priority);
    expect(large.Action).toEqual({ Block: {} });
    const [label, notWorkspace] = large.Statement.AndStatement.Statements;
    expect(label.LabelMatchStatement).toEqual({ Scope: 'LABEL', Key: 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body' });
    // Under the prefix both as sent and with `..` resolved, so no other route borrows the exemption.
    const matches = notWorkspace.NotStatement.Statement.AndStatement.Statements.map((s: any) => s.ByteMatchStatement);
    expect(matches.map((m: any) => [m.PositionalConstraint, m.SearchString, m.TextTransformations.map((t: any) => t.Type)])).toEqual([
      ['STARTS_WITH', LARGE_BODY_PREFIX, ['NONE']],
      ['STARTS_WITH', LARGE_BODY_PREFIX, ['NORMALIZE_PATH']],
    ]);
    // The import and the listings are the pavilion app's (ANY /api/pavilion/{proxy+}); nothing else is under the prefix.
    expect(IMPORT_PATH.startsWith(LARGE_BODY_PREFIX)).toBe(true);
    const underPrefix = API_APP_SPECS.flatMap((spec) => spec.routes.filter((r) => r.path.startsWith(LARGE_BODY_PREFIX)).map(() => spec.name));
    expect(new Set(underPrefix)).toEqual(new Set(['pavilion']));
  });

  it('names every rule’s metrics, so each shows in CloudWatch and in sampled requests', () => {
    for (const r of rules()) expect(r.VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
  });
});

describe('the origin secret: the API answers only what came through CloudFront', () => {
  const originSecret = () => {
    const found = resources(stateful, 'AWS::SecretsManager::Secret').filter(([, s]) => String(s.Properties.Description).includes(ORIGIN_VERIFY_HEADER));
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  /** `{{resolve:secretsmanager:<the origin secret>:SecretString:::}}`, however CDK imported its ARN. */
  const isOriginSecretReference = (value: unknown) => {
    const [secretId] = originSecret();
    return /^\{\{resolve:secretsmanager:\$\{Import:ScoBazaarStateful:ExportsOutputRef(\w+)\}:SecretString:::\}\}$/.exec(renderIntrinsic(value))?.[1]?.startsWith(secretId) ?? false;
  };

  it('is generated in the stateful stack (letters and digits), kept, and never output', () => {
    const [secretId, secret] = originSecret();
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true, IncludeSpace: false });
    expect(secret.Properties).not.toHaveProperty('SecretString');
    for (const template of [stateful, stateless]) {
      for (const output of Object.values(template.toJSON().Outputs ?? {}) as Array<{ Value: unknown }>) {
        expect(JSON.stringify(output.Value)).not.toMatch(new RegExp(`resolve:secretsmanager|${secretId}.*SecretString`));
      }
    }
  });

  it('is sent by CloudFront to the API origin only', () => {
    const origins = only(stateless, 'AWS::CloudFront::Distribution')[1].Properties.DistributionConfig.Origins as any[];
    const api = origins.filter((origin) => origin.CustomOriginConfig);
    expect(api).toHaveLength(1);
    expect(api[0].OriginCustomHeaders).toHaveLength(1);
    expect(api[0].OriginCustomHeaders[0].HeaderName).toBe(ORIGIN_VERIFY_HEADER);
    expect(isOriginSecretReference(api[0].OriginCustomHeaders[0].HeaderValue)).toBe(true);
    for (const origin of origins.filter((o) => !o.CustomOriginConfig)) expect(origin.OriginCustomHeaders).toBeUndefined();
  });

  it('is expected by every API function, and given to no other function', () => {
    for (const spec of API_APP_SPECS) {
      expect(isOriginSecretReference(functionOf(spec.name)[1].Properties.Environment.Variables[ORIGIN_VERIFY_ENV]), spec.name).toBe(true);
    }
    for (const [id, fn] of resources(stateless, 'AWS::Lambda::Function')) {
      const service = fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME;
      if (API_APP_SPECS.some((spec) => spec.name === service)) continue;
      expect(fn.Properties.Environment?.Variables?.[ORIGIN_VERIFY_ENV], id).toBeUndefined();
    }
  });

  it('is readable by no function’s role (CloudFormation resolves it at deploy)', () => {
    const [secretId] = originSecret();
    const onSecret = resources(stateless, 'AWS::IAM::Policy')
      .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[])
      .filter((statement) => JSON.stringify(statement.Resource).includes(secretId));
    expect(onSecret).toEqual([]);
  });
});

describe('throttling at the stage: Stripe’s webhook apart from shoppers', () => {
  it('gives the webhook route its own throttle and every other route the default', () => {
    const [, stage] = only(stateless, 'AWS::ApiGatewayV2::Stage');
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    expect(WEBHOOK_ROUTE_KEY).toBe('POST /api/webhooks/stripe');
    expect(stage.Properties.RouteSettings).toEqual({ [WEBHOOK_ROUTE_KEY]: { ThrottlingRateLimit: 25, ThrottlingBurstLimit: 50 } });
  });

  it('creates the stage after the webhook route (API Gateway refuses settings for a route it lacks)', () => {
    const [stageId, stage] = only(stateless, 'AWS::ApiGatewayV2::Stage');
    const [routeId] = resources(stateless, 'AWS::ApiGatewayV2::Route').find(([, route]) => route.Properties.RouteKey === WEBHOOK_ROUTE_KEY)!;
    expect(stage.DependsOn, stageId).toContain(routeId);
  });
});

/**
 * Enough of IAM's evaluation for the role policies here: an action on the table or one index, with the
 * partition keys the request names (dynamodb:LeadingKeys). Allowed when an Allow statement matches
 * and no Deny does; a condition this does not model fails the test rather than passing by luck.
 */
function allows(statements: readonly Statement[], action: string, target: 'table' | IndexName, leadingKeys: readonly string[]): boolean {
  const [tableId] = only(stateful, 'AWS::DynamoDB::Table');
  const targetOf = (resource: unknown): string | null => {
    const arn = renderIntrinsic(resource);
    if (!arn.includes(tableId)) return null;
    const index = /\/index\/(\w+)$/.exec(arn);
    return index ? index[1]! : arn.includes('/') ? null : 'table';
  };
  const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`);
  const conditionHolds = (condition: Statement['Condition']) =>
    Object.entries(condition ?? {}).every(([operator, entries]) =>
      Object.entries(entries).every(([key, expected]) => {
        const values = [expected].flat();
        if (key !== 'dynamodb:LeadingKeys') throw new Error(`condition key ${key} not modelled`);
        if (operator === 'ForAllValues:StringLike') return leadingKeys.every((k) => values.some((v) => glob(v).test(k)));
        if (operator === 'Null') return (values[0] === 'false') === leadingKeys.length > 0;
        throw new Error(`condition operator ${operator} not modelled`);
      }),
    );
  const matches = (s: Statement) => [s.Action].flat().includes(action) && [s.Resource].flat().some((r) => targetOf(r) === target) && conditionHolds(s.Condition);
  const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
  return dynamo.some((s) => s.Effect === 'Allow' && matches(s)) && !dynamo.some((s) => s.Effect === 'Deny' && matches(s));
}

describe('least privilege on the table', () => {
  const now = '2026-11-30T12:00:00.000Z';
  const catalogueReads: Array<[string, 'table' | IndexName, string]> = [
    ['dynamodb:GetItem', 'table', keys.product('p-1').PK],
    ['dynamodb:BatchGetItem', 'table', keys.product('p-2').PK],
    ['dynamodb:GetItem', 'table', keys.pavilion('KG').PK],
    ['dynamodb:Query', 'table', queries.pavilions().partition.value],
    ['dynamodb:GetItem', 'table', keys.exchangeRates().PK],
    ['dynamodb:Query', 'GSI1', queries.pavilionListings('KG', 'active').partition.value],
    ['dynamodb:Query', 'GSI2', queries.categoryListings('honey', 'active').partition.value],
    ['dynamodb:Query', 'GSI3', queries.catalogueListings('active').partition.value],
    ['dynamodb:Query', 'GSI4', queries.pavilionCategoryListings('KG', 'honey', 'active').partition.value],
  ];
  const notCatalogue: Array<[string, 'table' | IndexName, string]> = [
    ['dynamodb:GetItem', 'table', keys.order('ORD-1').PK],
    ['dynamodb:Query', 'table', queries.orderItems('ORD-1').partition.value],
    ['dynamodb:GetItem', 'table', keys.cart('c-1').PK],
    ['dynamodb:GetItem', 'table', keys.unpaidHolds('email', 'h').PK],
    ['dynamodb:GetItem', 'table', keys.unpaidHolds('buyer', 'h').PK],
    ['dynamodb:GetItem', 'table', keys.buyerYear('h', 2026).PK],
    ['dynamodb:Query', 'table', queries.ledgerActions('KG').partition.value],
    ['dynamodb:GetItem', 'table', keys.ledgerAccount('KG').PK],
    ['dynamodb:GetItem', 'table', mailKeys.pavilionContact('KG').PK],
    ['dynamodb:Query', 'table', queries.pavilionActions('KG').partition.value],
    ['dynamodb:GetItem', 'table', keys.stripeEvent('evt_1').PK],
    ['dynamodb:Query', 'GSI1', queries.pavilionQueue('KG').partition.value],
    ['dynamodb:Query', 'GSI2', queries.pendingOrdersBefore(now).partition.value],
    ['dynamodb:Query', 'GSI2', queries.attentionOrders().partition.value],
    ['dynamodb:Query', 'GSI2', mailQueries.dueBefore(now).partition.value],
    ['dynamodb:Query', 'GSI3', queries.shopperOrders('h').partition.value],
  ];

  const readers = { 'the catalogue function': () => roleOfFunction('catalogue'), 'the site build (CodeBuild)': roleOfSiteBuild };

  for (const [who, role] of Object.entries(readers)) {
    it(`lets ${who} read pavilions, products, rates and the four catalogue indexes`, () => {
      const statements = statementsOfRole(role());
      for (const [action, target, key] of catalogueReads) expect(allows(statements, action, target, [key]), `${action} ${target} ${key}`).toBe(true);
    });

    it(`refuses ${who} any order, cart, buyer, shopper, ledger, mail or pavilion-private key, on the table and every index`, () => {
      const statements = statementsOfRole(role());
      for (const [action, target, key] of notCatalogue) expect(allows(statements, action, target, [key]), `${action} ${target} ${key}`).toBe(false);
      // One foreign key among catalogue keys spoils a batch; a request naming no key at all is refused too.
      expect(allows(statements, 'dynamodb:BatchGetItem', 'table', [keys.product('p-1').PK, keys.order('ORD-1').PK])).toBe(false);
      expect(allows(statements, 'dynamodb:Query', 'table', [])).toBe(false);
      const actions = statements.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('dynamodb:'));
      expect(new Set(actions)).toEqual(new Set(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']));
    });
  }

  it('grants DeleteItem only to the webhooks and the sweep (a paid order’s cart), and BatchWriteItem to nobody', () => {
    const roles = resources(stateless, 'AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as Statement[]).flatMap((s) => [s.Action].flat().map((action) => ({ action, roles: policy.Properties.Roles.map((r: any) => r.Ref as string) }))),
    );
    const holding = (action: string) => [...new Set(roles.filter((r) => r.action === action).flatMap((r) => r.roles))].sort();
    expect(holding('dynamodb:DeleteItem')).toEqual([roleOfFunction('sweep'), roleOfFunction('webhooks')].sort());
    expect(holding('dynamodb:BatchWriteItem')).toEqual([]);
    for (const service of ['shop', 'pavilion', 'operator', 'mail', 'rates']) {
      expect(statementsOfRole(roleOfFunction(service)).flatMap((s) => [s.Action].flat())).toContain('dynamodb:PutItem');
    }
  });

  it('lets the pavilion app put photos under media/products/ only', () => {
    const puts = statementsOfRole(roleOfFunction('pavilion')).filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')));
    expect(puts).toHaveLength(1);
    expect(puts[0]!.Action).toBe('s3:PutObject');
    expect([puts[0]!.Resource].flat().map((r) => renderIntrinsic(r).replace(/^.*ImagesBucket[^/]*\//, ''))).toEqual(['media/products/*']);
  });
});
