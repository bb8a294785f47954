import { TIP_HANDLERS, type TRole } from '@pcmd/contracts';

/** Who receives tips and moves them through their steps (the server's TIP_HANDLERS); leaders only read. */
export const canHandleTips = (role: TRole) => TIP_HANDLERS.includes(role);
