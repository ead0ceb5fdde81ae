import { v7 } from 'uuid';

// Ids are generated in the application (UUIDv7: time-ordered, index friendly). PostgreSQL 15 has
// no uuidv7(), and PGlite (PostgreSQL 18) does: generating here keeps one code path for both.
export const newId = (): string => v7();
