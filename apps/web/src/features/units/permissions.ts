import type { TRole } from '@pcmd/contracts';

/**
 * Roles that may edit, merge, split and import units. The server's units routes allow admins only; contracts has no
 * constant for it yet, so it is mirrored here (the server still decides).
 */
export const UNIT_EDITOR_ROLES: readonly TRole[] = ['admin'];

export const canEditUnits = (role: TRole) => UNIT_EDITOR_ROLES.includes(role);
