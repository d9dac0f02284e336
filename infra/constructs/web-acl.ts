import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * Per client IP, in a 5-minute window (WAF's rate-based rules count per address and block it while over).
 * Shoppers in China often share one address (carrier NAT, offices), so the limits leave room for many
 * people behind one IP and stop only scripts:
 * - checkout reserves stock for the session's life, and one shopper places 1 to 3 checkouts per purchase;
 *   30 lets a crowd behind one address buy while a hoarding script is held to 30 orders per 5 minutes
 *   (each email and buyer ID holds 3 unpaid orders at most besides: domain/order.ts);
 * - /api/carts counts every cart request (create, read, each line change): 300 is one a second, sustained.
 * The webhook (/api/webhooks/stripe) matches neither: Stripe's retries are never held back.
 */
export const RATE_LIMITS = [
  { name: 'CheckoutPerIp', pathPrefix: '/api/checkout', limit: 30 },
  { name: 'CartsPerIp', pathPrefix: '/api/carts', limit: 300 },
] as const;
export const RATE_WINDOW_SECONDS = 300;

/** Stripe's signed events: verified by their signature in the app (usecases/settle-payment.ts), and often larger than 8 KB. */
export const WEBHOOK_PATH = '/api/webhooks/stripe';
/**
 * The pavilion workspace: the one part of the API whose bodies may pass 8 KB. Its CSV import takes up to
 * 1,000 rows in one body (`POST /api/pavilion/imports`), and a listing's texts alone may reach 36 KB (a
 * description of 4,000 characters in each of zh, ru and en: functions/http/schemas/listing.ts). The
 * workspace verifies the manager's token before it reads a body and caps bodies itself (256 KB of JSON,
 * 6 MB of CSV: functions/http/pavilion/app.ts, imports.ts); every other rule still applies to it.
 */
export const LARGE_BODY_PREFIX = '/api/pavilion/';
/** The CSV import, which must never meet the 8 KB limit. */
export const IMPORT_PATH = '/api/pavilion/imports';

/** The label AWS's common rule set puts on a request whose body passes 8 KB (its rule SizeRestrictions_BODY). */
const BODY_TOO_LARGE_LABEL = 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body';

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName: `ScoBazaar${metricName}`,
  sampledRequestsEnabled: true,
});

/** The raw path, exactly: an exemption never stretches to a look-alike path. */
const pathIs = (path: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'EXACTLY',
    searchString: path,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

/**
 * A path and anything under it, as sent and once `..`, `//` and `/./` are resolved: an exemption never
 * reaches another part of the API through `/api/pavilion/../checkout`.
 */
const pathIsUnder = (prefix: string): CfnWebACL.StatementProperty => ({
  andStatement: {
    statements: (['NONE', 'NORMALIZE_PATH'] as const).map((type) => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: prefix,
        textTransformations: [{ priority: 0, type }],
      },
    })),
  },
});

/** A path and anything under it, however it is spelled (percent-encoding, `//`, `/./`, capitals). */
const pathStartsWith = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: prefix,
    textTransformations: [
      { priority: 0, type: 'URL_DECODE' },
      { priority: 1, type: 'NORMALIZE_PATH' },
      { priority: 2, type: 'LOWERCASE' },
    ],
  },
});

const TOO_MANY_REQUESTS = 'TooManyRequests';

/**
 * The web ACL in front of CloudFront (scope CLOUDFRONT, so it lives in us-east-1: infra/stacks/edge-stack.ts):
 * rate limits per IP on checkout and carts, and AWS's common rule set, which leaves out the Stripe
 * webhook entirely and lets only the pavilion workspace (CSV import, listings) carry a body over 8 KB.
 */
export class EdgeWebAcl extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const rateRules: CfnWebACL.RuleProperty[] = RATE_LIMITS.map((rule, i) => ({
      name: rule.name,
      priority: i,
      statement: {
        rateBasedStatement: {
          aggregateKeyType: 'IP',
          limit: rule.limit,
          evaluationWindowSec: RATE_WINDOW_SECONDS,
          scopeDownStatement: pathStartsWith(rule.pathPrefix),
        },
      },
      action: {
        block: {
          customResponse: {
            responseCode: 429,
            customResponseBodyKey: TOO_MANY_REQUESTS,
            responseHeaders: [{ name: 'retry-after', value: String(RATE_WINDOW_SECONDS) }],
          },
        },
      },
      visibilityConfig: visibility(rule.name),
    }));

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'SCO Bazaar: rate limits on checkout and carts per IP, and the AWS common rule set',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('WebAcl'),
      customResponseBodies: {
        [TOO_MANY_REQUESTS]: {
          contentType: 'APPLICATION_JSON',
          // The shape of the API's problem+json answers (functions/http/problem.ts); WAF can only label it application/json.
          content: JSON.stringify({
            type: 'about:blank',
            title: 'Too many requests',
            status: 429,
            detail: `Too many requests from your network. Try again in ${RATE_WINDOW_SECONDS / 60} minutes.`,
          }),
        },
      },
      rules: [
        ...rateRules,
        {
          name: 'AwsCommonRules',
          priority: rateRules.length,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // Counted, not blocked: the next rule blocks large bodies everywhere but the pavilion workspace.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
              // Stripe's events are signed and verified in the app; their bodies (line items, metadata) pass 8 KB.
              scopeDownStatement: { notStatement: { statement: pathIs(WEBHOOK_PATH) } },
            },
          },
          visibilityConfig: visibility('AwsCommonRules'),
        },
        {
          name: 'LargeBodyOutsideWorkspace',
          priority: rateRules.length + 1,
          action: { block: {} },
          statement: {
            andStatement: {
              statements: [
                { labelMatchStatement: { scope: 'LABEL', key: BODY_TOO_LARGE_LABEL } },
                { notStatement: { statement: pathIsUnder(LARGE_BODY_PREFIX) } },
              ],
            },
          },
          visibilityConfig: visibility('LargeBodyOutsideWorkspace'),
        },
      ],
    });
  }
}
