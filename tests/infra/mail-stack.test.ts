import { rmSync } from 'node:fs';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthCloudApp } from './cloud-app-fixture.js';

type Resource = { Properties: Record<string, any> };

let synth: ReturnType<typeof synthCloudApp>;
let stateless: Template;

const resources = (type: string) => Object.entries(stateless.findResources(type) as Record<string, Resource>);
const mailFunction = () => {
  const found = resources('AWS::Lambda::Function').find(([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'mail');
  if (!found) throw new Error('no mail function');
  return found;
};
const statementsOf = (functionId: string) => {
  const role = String(mailFunction()[1].Properties.Role['Fn::GetAtt'][0]);
  expect(functionId).toBeTruthy();
  return resources('AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((r: any) => r.Ref === role))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as any[]);
};

beforeAll(() => {
  // The store on its own domain: mail comes from orders@ that domain unless -c mailFrom says otherwise.
  synth = synthCloudApp({ customDomain: { domainName: 'shop.example.com', certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/test' } });
  stateless = synth.statelessTemplate;
});
afterAll(() => rmSync(synth.assembly.directory, { recursive: true, force: true }));

describe('mail in AWS (infra/constructs/mail.ts)', () => {
  it('verifies the sending domain (SES\'s default, Easy DKIM), bound to a configuration set that requires TLS and suppresses bounces and complaints', () => {
    stateless.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'shop.example.com',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') } },
    });
    stateless.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    stateless.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        EventBridgeDestination: { EventBusArn: Match.anyValue() },
      },
    });
  });

  it('sends only from the store address, on that identity and configuration set', () => {
    const [fnId, fn] = mailFunction();
    expect(fn.Properties.Environment.Variables).toMatchObject({ MAIL_FROM: 'orders@shop.example.com', MAIL_CONFIGURATION_SET: { Ref: expect.stringMatching(/^MailConfigurationSet/) } });
    const send = statementsOf(fnId).filter((statement) => [statement.Action].flat().includes('ses:SendEmail'));
    expect(send).toHaveLength(1);
    expect([send[0].Action].flat()).toEqual(['ses:SendEmail']);
    expect(send[0].Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'orders@shop.example.com' } });
    expect(JSON.stringify(send[0].Resource)).toContain('configuration-set');
    expect(JSON.stringify(send[0].Resource)).not.toContain('"*"');
  });

  it('is fed by the table stream, filtered to outbox records that became ready, with a failure destination', () => {
    const [fnId] = mailFunction();
    const mapping = resources('AWS::Lambda::EventSourceMapping').find(([, m]) => m.Properties.FunctionName?.Ref === fnId)?.[1].Properties;
    expect(mapping).toBeDefined();
    expect(mapping!.StartingPosition).toBe('LATEST');
    expect(mapping!.DestinationConfig.OnFailure.Destination).toBeDefined();
    expect(mapping!.FilterCriteria.Filters.map((f: any) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { type: { S: ['mail'] }, status: { S: ['ready'] } } } },
    ]);
  });

  it('runs every minute for pavilion batches and retries, and gets SES bounce and complaint events of its own configuration set', () => {
    const [fnId] = mailFunction();
    const schedule = resources('AWS::Scheduler::Schedule').find(([, s]) => s.Properties.Target.Arn?.['Fn::GetAtt']?.[0] === fnId)?.[1].Properties;
    expect(schedule?.ScheduleExpression).toBe('rate(1 minute)');
    expect(schedule?.Target.DeadLetterConfig.Arn).toBeDefined();
    const rule = resources('AWS::Events::Rule').find(([, r]) => r.Properties.Targets?.some((t: any) => t.Arn?.['Fn::GetAtt']?.[0] === fnId))?.[1].Properties;
    expect(rule?.EventPattern).toMatchObject({
      source: ['aws.ses'],
      'detail-type': expect.arrayContaining(['Email Bounced', 'Email Complaint Received']),
      detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: expect.stringMatching(/^MailConfigurationSet/) }] } } },
    });
    expect(rule?.Targets[0].DeadLetterConfig.Arn).toBeDefined();
  });

  it('alarms on mail given up and on complaints', () => {
    const alarms = resources('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    for (const metric of ['MailFailed', 'MailComplained']) {
      const alarm = alarms.find((a) => a.MetricName === metric);
      expect(alarm, metric).toMatchObject({ Namespace: 'ScoBazaar', Dimensions: [{ Name: 'service', Value: 'mail' }], Threshold: 0 });
      expect(alarm!.AlarmActions).toHaveLength(1);
    }
  });
});
