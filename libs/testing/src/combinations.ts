import { busKinds, type BusKind } from './buses';
import { databaseKinds, type DatabaseKind } from './databases';

/**
 * The two ways the system runs, for `describe.each`: the embedded broker with PGlite always, and
 * NATS with PostgreSQL when CI provides them.
 */
export const runtimeKinds = (): (readonly [BusKind, DatabaseKind])[] =>
  busKinds().flatMap((bus) =>
    databaseKinds()
      .filter((db) => (bus === 'nats') === (db === 'postgres'))
      .map((db) => [bus, db] as const),
  );
