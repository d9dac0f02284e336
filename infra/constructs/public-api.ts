import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct, type IDependable } from 'constructs';

export interface ThrottleLimits {
  /** Steady requests per second, and the burst allowed above it. */
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface PublicApiProps {
  /** Steady requests per second across the API, and the burst allowed above it. */
  readonly rateLimit?: number;
  readonly burstLimit?: number;
}

/**
 * The HTTP API that CloudFront forwards /api/* to. Routes are added by ApiApps; this part owns the
 * throttling and the access log. The log leaves out the caller's IP: no personal data in logs.
 */
export class PublicApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** The execute-api host name: CloudFront's origin for /api/*. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: PublicApiProps = {}) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'SCO Bazaar API (reached through CloudFront at /api/*)',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 100, burstLimit: props.burstLimit ?? 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.domainName = `${this.httpApi.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }

  /**
   * Gives one route a throttle of its own, apart from the stage's default that every other route
   * uses (the L2 stage sets only the default: this is the CfnStage's RouteSettings). The stage then
   * waits for the route, since API Gateway refuses settings for a route it does not have yet.
   */
  throttleApart(routeKey: string, limits: ThrottleLimits, route: IDependable): void {
    const stage = this.stage.node.defaultChild as CfnStage;
    const existing = (stage.routeSettings ?? {}) as Record<string, unknown>;
    // A JSON property of the L1: written as CloudFormation spells it.
    stage.routeSettings = { ...existing, [routeKey]: { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit } };
    stage.node.addDependency(route);
  }
}
