import { z } from 'zod';
import { ZRole, ZPassword } from './users.js';
import { ZUnitRef } from './units.js';
import { LOCALES } from './i18n.js';

export const ZLoginRequest = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(50),
  password: z.string().min(1).max(200),
  totpCode: z.string().regex(/^\d{6}$/).optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMe = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: ZRole,
  unit: ZUnitRef,
  agency: z.string().nullable(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  locale: z.enum(LOCALES),
});
export type TMe = z.infer<typeof ZMe>;

export const ZChangePasswordRequest = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: ZPassword });
export const ZTotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const ZTotpEnableRequest = z.strictObject({ totpCode: z.string().regex(/^\d{6}$/) });
export const ZTotpDisableRequest = z.strictObject({ password: z.string().min(1).max(200) });
export const ZLocaleRequest = z.strictObject({ locale: z.enum(LOCALES) });
