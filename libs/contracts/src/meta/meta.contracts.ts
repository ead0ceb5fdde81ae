import { z } from 'zod';

// What the admin needs to know about this installation before anyone signs in.
export const MetaSchema = z.object({
  demoData: z.boolean(),
});
export type Meta = z.infer<typeof MetaSchema>;
