import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ErrorCode } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { IdentityService } from './identity.service';
import { generatePassword } from './password';

export const GENERATED_ADMIN_EMAIL = 'admin@pardev.local';

/** Where the one-time password block goes; stdout in production, a spy in tests. */
export const FIRST_ADMIN_OUTPUT = Symbol('FIRST_ADMIN_OUTPUT');
export type FirstAdminOutput = (text: string) => void;
export const stdoutOutput: FirstAdminOutput = (text) => {
  process.stdout.write(text);
};

// A fresh install must be usable without a shared default password: the first admin comes from
// ADMIN_EMAIL/ADMIN_PASSWORD, or gets a random password that is shown once and never stored in clear.
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly log = new Logger('FirstAdmin');

  constructor(
    private readonly identity: IdentityService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(FIRST_ADMIN_OUTPUT) private readonly output: FirstAdminOutput,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (await this.identity.hasUsers()) {
      if (email && !(await this.identity.userExists(email))) {
        this.log.warn(
          `ADMIN_EMAIL ${email} was not created: the first admin exists already (it is only used on a fresh install)`,
        );
      }
      return;
    }
    if (email && password) {
      if (await this.create(email, password))
        this.log.log(`first admin created: ${email} (password from ADMIN_PASSWORD)`);
      return;
    }
    const generated = generatePassword(20);
    if (await this.create(GENERATED_ADMIN_EMAIL, generated)) {
      this.output(
        [
          '',
          '============================================================',
          `First admin created: ${GENERATED_ADMIN_EMAIL}`,
          `Password (shown once): ${generated}`,
          'Keep it now: it is not stored anywhere in clear and is not shown again.',
          '============================================================',
          '',
        ].join('\n'),
      );
    }
  }

  /** False when another replica created the same admin a moment earlier. */
  private async create(email: string, password: string): Promise<boolean> {
    try {
      await this.identity.createUser(
        { email, displayName: 'Administrator', password, roles: ['admin'] },
        {},
        'the first admin, created from the configuration on a fresh install',
      );
      return true;
    } catch (error) {
      if (
        error instanceof DomainError &&
        error.code === ErrorCode.ValidationFailed &&
        error.errors.some((e) => e.field === 'email')
      ) {
        return false;
      }
      throw error;
    }
  }
}
