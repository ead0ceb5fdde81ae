import { z } from 'zod';

// admin: everything, users; officer: the partners and agreements assigned to them; finance: money
// received and currency rates; viewer: reads all but due diligence; auditor: reads all, changes nothing.
export const Roles = ['admin', 'officer', 'finance', 'viewer', 'auditor'] as const;
export const RoleSchema = z.enum(Roles);

// Who may register a funding partner: enforced by the gateway, mirrored by the admin's buttons.
export const PartnerRegistrarRoles = [
  'admin',
  'officer',
] as const satisfies readonly (typeof Roles)[number][];
export type Role = z.infer<typeof RoleSchema>;

// Who may edit a partner at all (an officer then only their own ones: see canChangePartner).
export const PartnerEditorRoles = ['admin', 'officer'] as const satisfies readonly (typeof Roles)[number][];

// Who may read due-diligence details (everyone but viewers): the expiring-checks list.
export const DueDiligenceReaderRoles = [
  'admin',
  'officer',
  'finance',
  'auditor',
] as const satisfies readonly (typeof Roles)[number][];

// Who may search the whole audit trail (anyone may read the history of a record they can see).
export const AuditReaderRoles = ['admin', 'auditor'] as const satisfies readonly (typeof Roles)[number][];

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
