import { AdminCreateUserCommand, CognitoIdentityProviderClient, UsernameExistsException } from '@aws-sdk/client-cognito-identity-provider';
import type { PavilionCode } from '../../domain/pavilion.js';
import { ManagerExistsError, type ManagerDirectory } from '../../ports/manager-directory.js';
import { PAVILION_CLAIM } from './jwt-verifier.js';

export interface CognitoClientLike {
  send(command: AdminCreateUserCommand): Promise<unknown>;
}

/**
 * Invites a manager into the managers' user pool (infra/constructs/pavilion-auth.ts): AdminCreateUser
 * with the email verified (it is their sign-in name) and `custom:pavilion`, the one claim the
 * workspace trusts (adapters/auth/jwt-verifier.ts). Cognito mails the temporary password; the
 * manager sets a password and a second factor at first sign-in. No group is needed, so the
 * operator function holds cognito-idp:AdminCreateUser on this pool and nothing else.
 */
export class CognitoManagerDirectory implements ManagerDirectory {
  constructor(
    private readonly userPoolId: string,
    private readonly client: CognitoClientLike = new CognitoIdentityProviderClient({}),
  ) {}

  async invite(email: string, pavilion: PavilionCode): Promise<void> {
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            { Name: PAVILION_CLAIM, Value: pavilion },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    } catch (error) {
      if (error instanceof UsernameExistsException) throw new ManagerExistsError();
      throw error;
    }
  }
}
