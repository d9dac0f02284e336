import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeWebAcl } from '../constructs/web-acl.js';

/** CloudFront takes web ACLs of scope CLOUDFRONT, which AWS WAF keeps in us-east-1 only. */
export const EDGE_REGION = 'us-east-1';

/**
 * The AWS WAF web ACL of the distribution, in us-east-1 whatever region the shop runs in. The
 * stateless stack reads its ARN through CDK's cross-region references (an SSM parameter that this
 * stack writes into the shop's region), so nothing is copied by hand.
 */
export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.webAclArn = new EdgeWebAcl(this, 'Firewall').webAcl.attrArn;
  }
}
