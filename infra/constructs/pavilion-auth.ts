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
  UserPoolGroup,
  type IUserPool,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { OPERATORS_GROUP } from '../../functions/adapters/auth/jwt-verifier.js';

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
 * Where the managed login returns with `?code=…&state=…` (authorization code grant with PKCE): the
 * workspace page itself, which exchanges the code at /oauth2/token exactly as it does with the local issuer.
 */
export const PAVILION_CALLBACK_PATH = '/pavilion/';
/** The operator console signs in with the same client and returns the same way, to its own page. */
export const OPERATOR_CALLBACK_PATH = '/operator/';

/** The managed login's domain prefix unless one is given: unique per account. */
const defaultDomainPrefix = () => `sco-bazaar-${Aws.ACCOUNT_ID}`;

/**
 * The managed login's origin, which the site's CSP must allow in connect-src: the pages POST the code to its
 * /oauth2/token. Known before the sign-in construct exists (the site is built first, the sign-in needs its URL).
 */
export function managedLoginOrigin(domainPrefix?: string): string {
  return `https://${domainPrefix ?? defaultDomainPrefix()}.auth.${Aws.REGION}.amazoncognito.com`;
}

/**
 * The pavilion managers' and operators' accounts (stateful stack: accounts and their MFA devices
 * must survive a redeploy). Created by the operator only (no self sign-up). A manager has
 * `custom:pavilion` set to the pavilion's code and cannot change it (the app client reads it,
 * never writes it); an operator is a member of the `operators` group, which the ID and access
 * tokens carry in `cognito:groups`.
 */
export class ManagerUserPool extends Construct {
  readonly userPool: UserPool;
  readonly operators: UserPoolGroup;

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
    // Operators read buyers' full ID numbers (the customs document): membership is given by hand,
    // `aws cognito-idp admin-add-user-to-group --group-name operators`, and kept like the accounts.
    this.operators = new UserPoolGroup(this, 'Operators', {
      userPool: this.userPool,
      groupName: OPERATORS_GROUP,
      description: 'SCO Bazaar operators: customs documents of every paid order (/api/operator/*)',
    });
    this.operators.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}

/**
 * The site's sign-in for managers (/pavilion/) and operators (/operator/): the app client, the
 * managed login domain, where each page signs in and out, and the settings the functions need to
 * verify ID tokens (AUTH_ISSUER, AUTH_AUDIENCE = the client id, which is the ID token's `aud`, and
 * AUTH_JWKS_URL). The ID token carries `custom:pavilion`; access tokens do not.
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
        // The code flow with PKCE (RFC 9700 §2.1.1): a public client (no secret) whose page keeps the verifier and
        // swaps the code at /oauth2/token; no token ever rides in a URL. The implicit grant is off.
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [PAVILION_CALLBACK_PATH, OPERATOR_CALLBACK_PATH].map((path) => `${props.siteUrl}${path}`),
        logoutUrls: [PAVILION_CALLBACK_PATH, OPERATOR_CALLBACK_PATH].map((path) => `${props.siteUrl}${path}`),
      },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(7),
    });

    const domain = new UserPoolDomain(this, 'Login', {
      userPool,
      cognitoDomain: { domainPrefix: props.domainPrefix ?? defaultDomainPrefix() },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // The newer managed login shows nothing until the client has a style; Cognito's own will do.
    new CfnManagedLoginBranding(this, 'LoginStyle', {
      userPoolId: userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    }).node.addDependency(domain);
    this.loginUrl = domain.baseUrl();
    // The page the workspace (or the operator console) sends a signed-out person to; it comes back to
    // that page with a code, which the page exchanges at /oauth2/token beside this URL with the same
    // client_id and redirect_uri (site/src/features/sign-in/sign-in-check.ts). redirect_uri must be one of
    // the client's callbackUrls; the page adds state, nonce and code_challenge.
    const signInUrl = (path: string) =>
      [
        `${domain.baseUrl()}/oauth2/authorize?client_id=${this.client.userPoolClientId}`,
        'response_type=code',
        'scope=openid+email',
        `redirect_uri=${props.siteUrl}${path}`,
      ].join('&');
    // Ends the managed login's own session (on a shared computer the next Sign in would otherwise skip the
    // password); logout_uri must be one of the client's logoutUrls.
    const signOutUrl = (path: string) => `${domain.baseUrl()}/logout?client_id=${this.client.userPoolClientId}&logout_uri=${props.siteUrl}${path}`;

    const issuer = `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/${userPool.userPoolId}`;
    this.environment = {
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: this.client.userPoolClientId,
      AUTH_JWKS_URL: `${issuer}/.well-known/jwks.json`,
      AUTH_SIGN_IN_URL: signInUrl(PAVILION_CALLBACK_PATH),
      AUTH_SIGN_OUT_URL: signOutUrl(PAVILION_CALLBACK_PATH),
      AUTH_OPERATOR_SIGN_IN_URL: signInUrl(OPERATOR_CALLBACK_PATH),
      AUTH_OPERATOR_SIGN_OUT_URL: signOutUrl(OPERATOR_CALLBACK_PATH),
    };
  }
}
