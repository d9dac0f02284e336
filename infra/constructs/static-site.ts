import { Annotations, Duration } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { contentSecurityPolicy, inlineScriptHashes } from './site-csp.js';

export interface CustomDomain {
  /** e.g. shop.example.com, with a DNS CNAME to the distribution. */
  readonly domainName: string;
  /** An ACM certificate for domainName in us-east-1 (CloudFront's rule). */
  readonly certificateArn: string;
}

export interface StaticSiteProps {
  readonly siteBucket: IBucket;
  readonly imagesBucket: IBucket;
  readonly logsBucket: IBucket;
  /** The HTTP API's execute-api host name. */
  readonly apiDomainName: string;
  /** The built Astro site (site/dist): uploaded on deploy, and its inline scripts set the CSP. */
  readonly siteDist: string;
  /** Without one the site is at https://<id>.cloudfront.net. */
  readonly customDomain?: CustomDomain;
  /** Where the pages exchange a sign-in code for tokens (the managed login's origin), allowed in connect-src. */
  readonly signInOrigins?: readonly string[];
  /** The AWS WAF web ACL (scope CLOUDFRONT, in us-east-1: infra/stacks/edge-stack.ts) in front of everything. */
  readonly webAclArn?: string;
  /**
   * Headers CloudFront adds to every request it forwards to the API: the origin secret the API
   * checks (functions/http/origin-guard.ts). They replace any header of the same name a viewer sends.
   */
  readonly apiOriginHeaders?: Readonly<Record<string, string>>;
}

/** Astro writes /zh/products/kg-honey/index.html; an S3 origin does not resolve directory indexes. */
const DIRECTORY_INDEX = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last === '') request.uri += 'index.html';
  else if (last.indexOf('.') === -1) request.uri += '/index.html';
  return request;
}`;

/**
 * The one origin shoppers see: the static site from a private bucket, /media/* from the images
 * bucket, and /api/* forwarded to the HTTP API, so the browser never needs CORS and cookies stay
 * first-party.
 */
export class StaticSite extends Construct {
  readonly distribution: Distribution;
  readonly deployment: BucketDeployment;
  /** https://… without a trailing slash. */
  readonly url: string;
  readonly headersPolicy: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    // The buckets live in the stateful stack, whose policies admit this account's distributions
    // (private-bucket.ts). Referenced by attributes, CDK does not try to edit those policies from here,
    // which would make the two stacks depend on each other.
    const siteBucket = importBucket(this, 'SiteBucketRef', props.siteBucket);
    const imagesBucket = importBucket(this, 'ImagesBucketRef', props.imagesBucket);
    Annotations.of(this).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      'The stateful stack grants CloudFront (this account) read access in the bucket policy',
    );

    this.headersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'SCO Bazaar: CSP, HSTS, nosniff, referrer policy',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(inlineScriptHashes(props.siteDist), [`https://${imagesBucket.bucketRegionalDomainName}`], props.signInOrigins ?? []),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()', override: true }],
      },
    });

    const directoryIndex = new CloudFrontFunction(this, 'DirectoryIndex', {
      code: FunctionCode.fromInline(DIRECTORY_INDEX),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves /path/ from /path/index.html',
    });

    const certificate = props.customDomain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn)
      : undefined;

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(siteBucket);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'SCO Bazaar: site, media and /api',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      // The policy applies to a custom domain's certificate; the default *.cloudfront.net one is fixed by CloudFront.
      ...(certificate && props.customDomain
        ? { certificate, domainNames: [props.customDomain.domainName], minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      enableLogging: true,
      logBucket: props.logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headersPolicy,
        functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // The API's OpenAPI document is a file of the site, written by the site build
        // (infra/site-build/openapi-file.ts); listed before /api/* so it wins over it.
        '/api/openapi.json': {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: this.headersPolicy,
        },
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            ...(props.apiOriginHeaders ? { customHeaders: { ...props.apiOriginHeaders } } : {}),
          }),
          // An API call redirected from http:// would lose its body; browsers here are on https:// already.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every header, cookie and query string except Host (API Gateway routes on its own host name).
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.headersPolicy,
        },
        '/media/*': {
          origin: S3BucketOrigin.withOriginAccessControl(imagesBucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: this.headersPolicy,
        },
      },
      // No custom error pages on purpose: they apply to every behaviour and would replace the API's
      // problem+json 4xx bodies with HTML.
    });

    this.url = `https://${props.customDomain?.domainName ?? this.distribution.distributionDomainName}`;

    // The site as built when deploying; the republish build replaces it from the live table right after.
    this.deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(props.siteDist)],
      destinationBucket: siteBucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 512,
    });
  }
}

function importBucket(scope: Construct, id: string, bucket: IBucket): IBucket {
  return Bucket.fromBucketAttributes(scope, id, {
    bucketArn: bucket.bucketArn,
    bucketName: bucket.bucketName,
    bucketRegionalDomainName: bucket.bucketRegionalDomainName,
  });
}
