import { z } from 'zod';
import { ROLES } from './roles.js';
import { ZId, ZIdParam } from './validation.js';
import { ZUnitRef } from './units.js';

export const ZRole = z.enum(ROLES);
export const ZUsername = z.string().trim().toLowerCase().min(3).max(50).regex(/^[a-z0-9._-]+$/);
export const ZPassword = z.string().min(10).max(200);

export const ZUser = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: ZRole,
  unit: ZUnitRef,
  agency: z.string().nullable(),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: ZRole.optional(),
  unitId: ZIdParam.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZCreateUserRequest = z.strictObject({
  username: ZUsername,
  fullName: z.string().trim().min(1).max(120),
  role: ZRole,
  unitId: ZId,
  agency: z.string().trim().max(200).optional(),
  password: ZPassword,
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .strictObject({
    fullName: z.string().trim().min(1).max(120).optional(),
    role: ZRole.optional(),
    unitId: ZId.optional(),
    agency: z.string().trim().max(200).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'cần ít nhất một trường để sửa' });
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z.strictObject({ newPassword: ZPassword });
