import { z } from 'zod';
import { IdSchema, IsoInstantSchema, PageQuerySchema, pageOf } from '../common/primitives';
import { RoleSchema } from './auth.contracts';

// Passwords (OWASP ASVS 2.1): at least 12 characters, no composition rules, long ones allowed.
export const PasswordSchema = z
  .string()
  .min(12, { message: 'must be at least 12 characters' })
  .max(1024, { message: 'must be at most 1024 characters' });

const RolesSchema = z.array(RoleSchema).min(1, { message: 'needs at least one role' });

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  active: z.boolean(),
  createdAt: IsoInstantSchema,
});
export type User = z.infer<typeof UserSchema>;

export const ListUsersQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
});
export const UserPageSchema = pageOf(UserSchema);
export type UserPage = z.infer<typeof UserPageSchema>;

export const CreateUserRequestSchema = z.object({
  email: z.email({ message: 'must be an email address' }).max(254),
  displayName: z.string().trim().min(1, { message: 'is required' }).max(120),
  roles: RolesSchema,
  password: PasswordSchema,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UserIdParamsSchema = z.object({ id: IdSchema });
export const SetRolesRequestSchema = z.object({ roles: RolesSchema });
export const ResetPasswordRequestSchema = z.object({ password: PasswordSchema });

// Colleagues as every signed-in user may see them: for pickers and for showing who is responsible.
export const StaffMemberSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  roles: z.array(RoleSchema),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;
export const StaffQuerySchema = z.object({ role: RoleSchema.optional() });
export const StaffListSchema = z.object({ items: z.array(StaffMemberSchema) });
export type StaffList = z.infer<typeof StaffListSchema>;
