import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { StaticSite } from '../../infra/constructs/static-site.js';
import { repoPath } from '../../infra/constructs/paths.js';

describe('GET /api/openapi.json in AWS', () => {
  it('is served by CloudFront from the site bucket, matched before /api/* sends the rest to the API', () => {
    const stack = new Stack(new App(), 'Site', { env: { account: '111111111111', region: 'eu-central-1' } });
    new StaticSite(stack, 'Site', {
      siteBucket: new Bucket(stack, 'SiteBucket'),
      imagesBucket: new Bucket(stack, 'ImagesBucket'),
      logsBucket: new Bucket(stack, 'LogsBucket', { objectOwnership: ObjectOwnership.OBJECT_WRITER }),
      apiDomainName: 'api.example.com',
      siteDist: repoPath('tests/fixtures/site-dist'),
    });
    const [distribution] = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution')) as Array<{
      Properties: { DistributionConfig: { DefaultCacheBehavior: { TargetOriginId: string }; CacheBehaviors: Array<{ PathPattern: string; TargetOriginId: string; AllowedMethods?: string[] }> } };
    }>;
    const config = distribution!.Properties.DistributionConfig;
    const patterns = config.CacheBehaviors.map((behaviour) => behaviour.PathPattern);
    expect(patterns.indexOf('/api/openapi.json')).toBeGreaterThanOrEqual(0);
    expect(patterns.indexOf('/api/openapi.json')).toBeLessThan(patterns.indexOf('/api/*'));
    const openapi = config.CacheBehaviors.find((behaviour) => behaviour.PathPattern === '/api/openapi.json')!;
    expect(openapi.TargetOriginId).toBe(config.DefaultCacheBehavior.TargetOriginId);
    expect(config.CacheBehaviors.find((behaviour) => behaviour.PathPattern === '/api/*')!.TargetOriginId).not.toBe(config.DefaultCacheBehavior.TargetOriginId);
  });
});
