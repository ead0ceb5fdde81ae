import type { ApiRoute } from './api-route';
import { agreementsRoutes } from './routes/agreements.routes';
import { identityRoutes } from './routes/identity.routes';
import { partnersRoutes } from './routes/partners.routes';

export type { ApiRoute } from './api-route';

// The HTTP API, described once from the contracts' zod schemas, one file per area; a test checks it
// against the controllers.
export const apiRoutes: readonly ApiRoute[] = [...identityRoutes, ...partnersRoutes, ...agreementsRoutes];
