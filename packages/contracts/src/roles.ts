/** The roles of DOMAIN.md §2. Each user holds one, bound to one unit and so to its subtree. */
export const ROLES = [
  'leader',
  'focal_point',
  'police',
  'health_social',
  'inspection_team',
  'mass_org',
  'village_head',
  'provincial_health',
  'finance',
  'admin',
] as const;
export type TRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<TRole, { vi: string; en: string }> = {
  leader: { vi: 'Lãnh đạo UBND', en: 'People’s Committee leader' },
  focal_point: { vi: 'Đầu mối Văn hóa - Xã hội', en: 'Culture-social focal point' },
  police: { vi: 'Công an xã/phường', en: 'Commune police' },
  health_social: { vi: 'Y tế, công tác xã hội', en: 'Health and social work' },
  inspection_team: { vi: 'Đoàn kiểm tra liên ngành', en: 'Inter-agency inspection team' },
  mass_org: { vi: 'Tư pháp, trường học, MTTQ, đoàn thể', en: 'Justice, schools, Front and unions' },
  village_head: { vi: 'Trưởng thôn / Tổ trưởng TDP', en: 'Village or group head' },
  provincial_health: { vi: 'Sở Y tế', en: 'Provincial health department' },
  finance: { vi: 'Kế toán / Tài chính', en: 'Finance' },
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
};

/** Roles that draft and edit plans, indicators and targets. */
export const PLAN_EDITORS: readonly TRole[] = ['focal_point', 'provincial_health', 'leader', 'admin'];

/** Roles that edit the establishment registry; leaders and the province read it; other roles see nothing of it. */
export const ESTABLISHMENT_EDITORS: readonly TRole[] = ['police', 'inspection_team', 'focal_point', 'admin'];

/** Roles that receive and move tips through their workflow; leaders read them (and the reporter's identity). */
export const TIP_HANDLERS: readonly TRole[] = ['police', 'focal_point'];

/**
 * Roles that record outreach activities, broadcast series and peer groups (DOMAIN.md §2): the focal point, the mass
 * organisations and schools, village heads (in their own village: their scope is its subtree), police and health workers.
 */
export const OUTREACH_EDITORS: readonly TRole[] = ['focal_point', 'mass_org', 'village_head', 'police', 'health_social'];

/** Roles that keep the roster of people doing this work, the courses and their attendance. */
export const TRAINING_EDITORS: readonly TRole[] = ['focal_point', 'provincial_health', 'admin'];

/** Modules of the app; the menu shows a module only to the roles the server lets in. */
export const MODULES = ['units', 'plans', 'tasks', 'data_entry', 'establishments', 'tips', 'outreach', 'training', 'reports', 'users', 'audit'] as const;
export type TModule = (typeof MODULES)[number];

export const MODULE_ROLES: Record<TModule, readonly TRole[]> = {
  units: ROLES,
  plans: ROLES,
  tasks: ROLES,
  data_entry: ['focal_point', 'provincial_health', 'leader', 'admin'],
  establishments: ['police', 'inspection_team', 'focal_point', 'leader', 'provincial_health', 'admin'],
  tips: ['police', 'focal_point', 'leader'],
  // Leaders, the province and the administrator read outreach to follow the indicators; they do not record it.
  outreach: ['focal_point', 'mass_org', 'village_head', 'police', 'health_social', 'leader', 'provincial_health', 'admin'],
  // Police and health workers read who of their people was trained; the focal point keeps the records.
  training: ['focal_point', 'leader', 'provincial_health', 'admin', 'health_social', 'police'],
  // Reports are drafted by the focal point, signed by the leader and received by the province's health department.
  reports: ['focal_point', 'leader', 'provincial_health', 'admin'],
  users: ['admin'],
  audit: ['admin', 'leader'],
};

/** Who builds a report, edits its narrative and submits it for signature. */
export const REPORT_DRAFTERS: readonly TRole[] = ['focal_point', 'provincial_health'];
/** Who signs a submitted report, which sends it up. */
export const REPORT_SIGNERS: readonly TRole[] = ['leader', 'provincial_health'];
/** Who, at the level above, receives a sent report or returns it with comments. */
export const REPORT_RECEIVERS: readonly TRole[] = ['provincial_health', 'leader', 'focal_point'];

export function canUseModule(role: TRole, module: TModule): boolean {
  return MODULE_ROLES[module].includes(role);
}
