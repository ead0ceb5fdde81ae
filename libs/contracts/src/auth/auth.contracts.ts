import { z } from 'zod';

export const Roles = ['admin', 'officer', 'viewer'] as const;
export const RoleSchema = z.enum(Roles);
export type Role = z.infer<typeof RoleSchema>;

export const LoginRequestSchema = z.object({
  email: z.email({ message: 'must be an email address' }).max(254),
  password: z.string().min(1, { message: 'is required' }).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const SessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;
