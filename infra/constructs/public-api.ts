import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

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
}
