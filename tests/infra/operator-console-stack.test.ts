import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderIntrinsic, synthCloudApp } from './cloud-app-fixture.js';

/** The operator console's grants in the cloud template: invitations into the managers' pool, and the shopper lookup key. */
type Resource = { Type: string; Properties: Record<string, any> };

let synth: ReturnType<typeof synthCloudApp>;
const resources = (template: 'statefulTemplate' | 'statelessTemplate', type: string) =>
  Object.entries(synth[template].findResources(type) as Record<string, Resource>);

const functionOf = (service: string) => {
  const found = resources('statelessTemplate', 'AWS::Lambda::Function').find(([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service);
  if (!found) throw new Error(`no function for ${service}`);
  return found;
};
const policyOf = (service: string) => {
  const role = functionOf(service)[1].Properties.Role['Fn::GetAtt'][0];
  return resources('statelessTemplate', 'AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((r: any) => r.Ref === role))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as any[]);
};
const services = () =>
  resources('statelessTemplate', 'AWS::Lambda::Function').flatMap(([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME ?? []) as string[];
const cognitoStatements = (service: string) => policyOf(service).filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('cognito-idp:')));

beforeAll(() => {
  synth = synthCloudApp();
});
afterAll(() => rmSync(synth.assembly.directory, { recursive: true, force: true }));

describe('the operator console in the cloud', () => {
  it('lets the operator function create managers in the managers’ pool and do nothing else with Cognito', () => {
    const [poolId] = resources('statefulTemplate', 'AWS::Cognito::UserPool')[0]!;
    const statements = cognitoStatements('operator');
    expect(statements).toHaveLength(1);
    expect(statements[0].Action).toBe('cognito-idp:AdminCreateUser');
    expect(statements[0].Effect).toBe('Allow');
    expect(renderIntrinsic(statements[0].Resource)).toMatch(new RegExp(`^\\$\\{Import:.*${poolId}.*\\}$`));
    expect(renderIntrinsic(functionOf('operator')[1].Properties.Environment.Variables.MANAGER_POOL_ID)).toMatch(new RegExp(`^\\$\\{Import:.*${poolId}.*\\}$`));
    // No other function may touch the pool's accounts.
    expect(services().filter((service) => cognitoStatements(service).length > 0)).toEqual(['operator']);
    expect(services().filter((service) => functionOf(service)[1].Properties.Environment.Variables.MANAGER_POOL_ID)).toEqual(['operator']);
  });

  it('keeps the shopper lookup key apart from the ID hash key, readable by the shop (files orders) and the operator app (finds them) only', () => {
    const secrets = resources('statefulTemplate', 'AWS::SecretsManager::Secret');
    const [lookupId] = secrets.find(([, secret]) => /shopper/.test(secret.Properties.Description))!;
    const [hashId] = secrets.find(([, secret]) => /yearly limit/.test(secret.Properties.Description))!;
    expect(lookupId).not.toBe(hashId);
    const reads = (service: string, secretId: string) =>
      policyOf(service).some((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue') && JSON.stringify(statement.Resource).includes(secretId));
    expect(services().filter((service) => reads(service, lookupId)).sort()).toEqual(['operator', 'shop']);
    expect(services().filter((service) => reads(service, hashId))).toEqual(['shop']);
    for (const service of ['operator', 'shop']) {
      expect(renderIntrinsic(functionOf(service)[1].Properties.Environment.Variables.SHOPPER_LOOKUP_SECRET_ARN)).toMatch(new RegExp(`^\\$\\{Import:.*${lookupId}.*\\}$`));
    }
  });
});
