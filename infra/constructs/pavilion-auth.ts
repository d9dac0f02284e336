import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolDomain,
  type IUserPool,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface PavilionSignInProps {
  readonly userPool: IUserPool;
  /** The site's public origin (https://…), where the managed login sends managers back. */
  readonly siteUrl: string;
  /** Managed login host: https://<prefix>.auth.<region>.amazoncognito.com. Must be unique in the region. */
  readonly domainPrefix?: string;
}

/** The claim in the ID token that names the manager's pavilion, e.g. "KG". */
export const PAVILION_ATTRIBUTE = 'pavilion';
/**
 * Where the managed login returns with `#id_token=…` (implicit grant): the workspace page itself,
 * which reads the token from the fragment exactly as it does with the local issuer.
 */
export const PAVILION_CALLBACK_PATH = '/pavilion/';

/**
 * The pavilion managers' accounts (stateful stack: accounts and their MFA devices must survive a
 * redeploy). Created by the operator only (no self sign-up), each with `custom:pavilion` set to the
 * pavilion's code; managers cannot change it themselves (the app client reads it, never writes it).
 */
export class ManagerUserPool extends Construct {
  readonly userPool: UserPool;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Managers', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      // Cognito never lets a custom attribute's constraints change later: keep them roomy.
      customAttributes: { [PAVILION_ATTRIBUTE]: new StringAttribute({ minLen: 2, maxLen: 16, mutable: true }) },
      // Managers see buyers' delivery details: a second factor is not optional.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection (compromised passwords, risky sign-ins) needs the Plus plan: a few dozen managers cost cents.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * The site's sign-in for managers: the app client, the managed login domain, and the settings the
 * functions need to verify ID tokens (AUTH_ISSUER, AUTH_AUDIENCE = the client id, which is the
 * ID token's `aud`, and AUTH_JWKS_URL). The ID token carries `custom:pavilion`; access tokens do not.
 */
export class PavilionSignIn extends Construct {
  readonly client: UserPoolClient;
  readonly environment: Record<string, string>;
  /** The managed login's base URL (https://<prefix>.auth.<region>.amazoncognito.com). */
  readonly loginUrl: string;

  constructor(scope: Construct, id: string, props: PavilionSignInProps) {
    super(scope, id);
    const { userPool } = props;
    this.client = new UserPoolClient(this, 'Site', {
      userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true })
        .withCustomAttributes(PAVILION_ATTRIBUTE),
      writeAttributes: new ClientAttributes(),
      oAuth: {
        // The static workspace has no server side to swap a code for tokens, so it takes the ID token from the
        // fragment (never sent to a server). Moving to the code flow with PKCE is a known follow-up.
        flows: { implicitCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [`${props.siteUrl}${PAVILION_CALLBACK_PATH}`],
        logoutUrls: [`${props.siteUrl}/pavilion/`],
      },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(7),
    });

    const domain = new UserPoolDomain(this, 'Login', {
      userPool,
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `sco-bazaar-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // The newer managed login shows nothing until the client has a style; Cognito's own will do.
    new CfnManagedLoginBranding(this, 'LoginStyle', {
      userPoolId: userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    }).node.addDependency(domain);
    this.loginUrl = domain.baseUrl();
    // The page the workspace sends a signed-out manager to; it comes back to the workspace with the ID token.
    const signInUrl = [
      `${domain.baseUrl()}/oauth2/authorize?client_id=${this.client.userPoolClientId}`,
      'response_type=token',
      'scope=openid+email',
      `redirect_uri=${props.siteUrl}${PAVILION_CALLBACK_PATH}`,
    ].join('&');
    // Ends the managed login's own session (on a shared computer the next Sign in would otherwise skip the
    // password); logout_uri must be one of the client's logoutUrls.
    const signOutUrl = `${domain.baseUrl()}/logout?client_id=${this.client.userPoolClientId}&logout_uri=${props.siteUrl}/pavilion/`;

    const issuer = `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/${userPool.userPoolId}`;
    this.environment = {
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: this.client.userPoolClientId,
      AUTH_JWKS_URL: `${issuer}/.well-known/jwks.json`,
      AUTH_SIGN_IN_URL: signInUrl,
      AUTH_SIGN_OUT_URL: signOutUrl,
    };
  }
}
