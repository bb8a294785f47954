import { OUTREACH_EDITORS, TRAINING_EDITORS, type TRole } from '@pcmd/contracts';

/** Who records activities, series and peer groups (the server's OUTREACH_EDITORS); leaders and the province read. */
export const canRecordOutreach = (role: TRole) => OUTREACH_EDITORS.includes(role);

/** Who keeps the roster, courses and attendance (the server's TRAINING_EDITORS). */
export const canEditTraining = (role: TRole) => TRAINING_EDITORS.includes(role);
