import { REPORT_DRAFTERS, REPORT_RECEIVERS, REPORT_SIGNERS, type TRole } from '@pcmd/contracts';

export const canDraftReports = (role: TRole) => REPORT_DRAFTERS.includes(role);
export const canSignReports = (role: TRole) => REPORT_SIGNERS.includes(role);
export const canReceiveReports = (role: TRole) => REPORT_RECEIVERS.includes(role);
