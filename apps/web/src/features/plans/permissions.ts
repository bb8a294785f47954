import { PLAN_EDITORS, UNIT_TYPES, type TRole, type TUnitRef } from '@pcmd/contracts';

/** Who drafts and edits plans, indicators, targets and tasks (the server's PLAN_EDITORS). */
export const canEditPlans = (role: TRole) => PLAN_EDITORS.includes(role);

/** Villages and residential groups carry out the commune's plan; they do not make their own. */
export const unitMakesPlans = (unit: TUnitRef) => UNIT_TYPES[unit.type].level < 4;
