import { describePartnerDirectory } from '@pardev/testing/suites';
import { AppModule } from '../app.module';
import { AgreementsEnvSchema } from '../config';

// The options the agreement form offers are agreements-service's copy of partner events.
describePartnerDirectory({
  service: 'agreements-service',
  module: (env) => AppModule.forRoot(AgreementsEnvSchema.parse(env)),
  listSubject: 'agreements.partner-option.list',
  followsBlocking: true,
});
