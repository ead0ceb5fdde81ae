import { describePartnerDirectory } from '@pardev/testing/suites';
import { AppModule } from '../app.module';
import { ResultsEnvSchema } from '../config';

// The directory behind the portfolio figures is results-service's copy of partner events.
describePartnerDirectory({
  service: 'results-service',
  module: (env) => AppModule.forRoot(ResultsEnvSchema.parse(env)),
  listSubject: 'results.partner-directory.list',
});
