import { ESTABLISHMENT_EDITORS, type TRole } from '@pcmd/contracts';

/** Who registers and edits establishments, records inspections and plans them (the server's ESTABLISHMENT_EDITORS). */
export const canEditEstablishments = (role: TRole) => ESTABLISHMENT_EDITORS.includes(role);

/** The administrator alone sets the weights of the inspection priority (the server's PUT /api/risk-weights). */
export const RISK_WEIGHT_EDITORS: readonly TRole[] = ['admin'];
export const canEditRiskWeights = (role: TRole) => RISK_WEIGHT_EDITORS.includes(role);
