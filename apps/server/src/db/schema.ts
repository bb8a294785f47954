import type { TModule } from '@pcmd/contracts';
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  type: string;
  level: number;
  parent_id: number | null;
  valid_from: DateOnly;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  name_folded: ColumnType<string, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UnitClosureTable {
  ancestor_id: number;
  descendant_id: number;
  depth: number;
}

export interface UnitLinksTable {
  predecessor_id: number;
  successor_id: number;
  kind: 'merge' | 'split' | 'rename';
  share: 'full' | 'partial';
  effective_date: DateOnly;
}

export interface UnitLineageTable {
  successor_id: number;
  predecessor_id: number;
  depth: number;
  partial: boolean;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  role: string;
  unit_id: number;
  agency: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled_at: Timestamp | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  locale: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  actor_username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_id: number | null;
  before: Json;
  after: Json;
  detail: Json;
  request_id: string | null;
}

export interface PlansTable {
  id: Generated<number>;
  unit_id: number;
  parent_plan_id: number | null;
  number_symbol: string | null;
  issue_date: ColumnType<string | null, string | null | undefined, string | null>;
  place_name: string;
  subject: string;
  period_from_year: number;
  period_to_year: number;
  preamble: string;
  purposes: string;
  requirements: string;
  general_objective: string;
  budget: string;
  signer_name: string;
  signing_mode: string;
  signer_title: string;
  recipients: Json;
  reporting_calendar: Json;
  status: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanSectionsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  heading: string;
  body: string;
}

export interface PlanIndicatorsTable {
  id: Generated<number>;
  plan_id: number;
  parent_indicator_id: number | null;
  position: number;
  name: string;
  shape: string;
  numerator: Json;
  denominator: Json;
  comparator: string;
  unit_level: number;
}

export interface IndicatorTargetsTable {
  indicator_id: number;
  period_key: string;
  target: number;
}

export interface PlanTasksTable {
  id: Generated<number>;
  plan_id: number;
  section_id: number | null;
  parent_task_id: number | null;
  position: number;
  title: string;
  lead_agency: string;
  cooperating_agencies: Json;
  deadline: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<string>;
  done_at: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: Generated<Date>;
}

export interface StoredFilesTable {
  id: Generated<number>;
  unit_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
  /** The module whose readers may download it (MODULE_ROLES). */
  module: TModule;
}

export interface TaskUpdatesTable {
  id: Generated<number>;
  task_id: number;
  at: Generated<Date>;
  user_id: number | null;
  status: string;
  note: string;
  file_id: number | null;
}

export interface ManualMeasuresTable {
  key: string;
  name: string;
  unit_id: number;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface ManualValuesTable {
  measure_key: string;
  unit_id: number;
  period_start: DateOnly;
  period_end: DateOnly;
  value: number;
  entered_by: number | null;
  entered_at: Generated<Date>;
}

export interface DenominatorsTable {
  group_key: string;
  unit_id: number;
  year: number;
  value: number;
  entered_by: number | null;
  entered_at: Generated<Date>;
}

export interface ClosedPeriodsTable {
  id: Generated<number>;
  unit_id: number;
  period_start: DateOnly;
  period_end: DateOnly;
  closed_by: number | null;
  closed_at: Generated<Date>;
}

export interface EstablishmentTypesTable {
  code: string;
  name_vi: string;
  name_en: string;
  position: number;
  active: Generated<boolean>;
}

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface EstablishmentsTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  name_folded: ColumnType<string, never, never>;
  type_code: string;
  address: string;
  address_folded: ColumnType<string, never, never>;
  latitude: number | null;
  longitude: number | null;
  registration_no: string | null;
  licence_no: string | null;
  licence_issuer: string | null;
  licence_expiry: NullableDate;
  representative_name: string | null;
  representative_id_no: string | null;
  representative_phone: string | null;
  staff_count: number | null;
  status: Generated<string>;
  opened_on: DateOnly;
  closed_on: NullableDate;
  risk_level: string | null;
  risk_reason: string | null;
  classified_on: NullableDate;
  commitment_signed_on: NullableDate;
  commitment_file_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ViolationTypesTable {
  code: string;
  name: string;
  legal_basis: string;
  category: string;
  fine_min: number | null;
  fine_max: number | null;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface InspectionPlansTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  title: string;
  team: Json;
  starts_on: DateOnly;
  ends_on: DateOnly;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface InspectionPlanTargetsTable {
  inspection_plan_id: number;
  establishment_id: number;
}

export interface InspectionsTable {
  id: Generated<number>;
  establishment_id: number;
  inspection_plan_id: number | null;
  kind: string;
  inspected_on: DateOnly;
  checklist: Json;
  findings: string;
  people_present: number;
  file_ids: Json;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionViolationsTable {
  inspection_id: number;
  violation_code: string;
  note: string;
}

export interface SanctionsTable {
  id: Generated<number>;
  inspection_id: number;
  decision_no: string;
  decision_date: DateOnly;
  issuer: string;
  fine_amount: number;
  additional_measures: string;
  follow_up: string;
  follow_up_done_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RiskWeightsTable {
  id: Generated<boolean>;
  weights: Json;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface TipDeadlineRulesTable {
  kind: string;
  days: number;
  extension_days: number;
  max_extensions: number;
  legal_basis: string;
}

export interface TipsTable {
  id: Generated<number>;
  reference_code: string;
  secret_hash: string | null;
  unit_id: number;
  address: string;
  latitude: number | null;
  longitude: number | null;
  establishment_id: number | null;
  inspection_id: number | null;
  occurred_at: string;
  description: string;
  category: string;
  channel: string;
  kind: string | null;
  priority: Generated<string>;
  status: Generated<string>;
  result: string | null;
  received_at: Generated<Date>;
  deadline: DateOnly;
  extensions: Generated<number>;
  assigned_agency: string | null;
  assigned_user_id: number | null;
  handled_at: Date | null;
  closed_at: Date | null;
  anonymous: boolean;
  reporter_encrypted: string | null;
  created_by: number | null;
  updated_at: Generated<Date>;
}

export interface TipEventsTable {
  id: Generated<number>;
  tip_id: number;
  at: Generated<Date>;
  user_id: number | null;
  event: string;
  from_status: string | null;
  to_status: string | null;
  note: string;
  public_note: string | null;
}

export interface TipFilesTable {
  tip_id: number;
  file_id: number;
  from_citizen: boolean;
}

export interface OnlinePostsTable {
  id: Generated<number>;
  unit_id: number;
  platform: string;
  url: string;
  found_on: DateOnly;
  description: string;
  evidence_file_id: number | null;
  evidence_sha256: string | null;
  takedown_sent_on: NullableDate;
  takedown_sent_to: string | null;
  takedown_result: string | null;
  removed_on: NullableDate;
  tip_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PeerGroupsTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  kind: string;
  host_agency: string;
  members_count: number;
  founded_on: DateOnly;
  dissolved_on: NullableDate;
  description: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OutreachActivitiesTable {
  id: Generated<number>;
  unit_id: number;
  held_on: DateOnly;
  agency: string;
  channel: string;
  topic: string;
  materials: Generated<string>;
  task_id: number | null;
  peer_group_id: number | null;
  client_id: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OutreachActivityReachTable {
  activity_id: number;
  target_group: string;
  reached: number;
}

export interface OutreachActivityFilesTable {
  activity_id: number;
  file_id: number;
}

export interface OutreachSeriesTable {
  id: Generated<number>;
  unit_id: number;
  agency: string;
  channel: string;
  topic: string;
  frequency: string;
  interval_count: number;
  starts_on: DateOnly;
  ends_on: NullableDate;
  materials: Generated<string>;
  task_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OutreachSeriesReachTable {
  series_id: number;
  target_group: string;
  reached: number;
}

export interface TrainingPeopleTable {
  id: Generated<number>;
  unit_id: number;
  full_name: string;
  kind: string;
  agency: string;
  position: Generated<string>;
  joined_on: DateOnly;
  left_on: NullableDate;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TrainingCoursesTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  organiser: string;
  level: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  topics: Json;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TrainingAttendanceTable {
  course_id: number;
  person_id: number;
  completed: boolean;
  certificate_file_id: number | null;
}

export interface ReportsTable {
  id: Generated<number>;
  kind: 'unit' | 'consolidated';
  unit_id: number;
  plan_id: number;
  period_key: string;
  status: Generated<'draft' | 'submitted' | 'approved' | 'received' | 'returned'>;
  number_symbol: string | null;
  recipients: ColumnType<string[], string, string>;
  narrative: ColumnType<{ results: string; limits: string; proposals: string }, string, string>;
  snapshot: ColumnType<unknown, string | null, string | null>;
  due_on: DateOnly;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  sent_at: Timestamp | null;
  approved_by: number | null;
  signer_name: string | null;
  signer_title: string | null;
  signing_mode: 'TM' | 'KT' | null;
  received_at: Timestamp | null;
  received_by: number | null;
  return_comment: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface Dhis2IndicatorCodesTable {
  indicator_id: number;
  data_element: string;
  category_option_combo: string | null;
}

export interface Dhis2UnitCodesTable {
  unit_id: number;
  org_unit: string;
}

export interface Database {
  reports: ReportsTable;
  dhis2_indicator_codes: Dhis2IndicatorCodesTable;
  dhis2_unit_codes: Dhis2UnitCodesTable;
  peer_groups: PeerGroupsTable;
  outreach_activities: OutreachActivitiesTable;
  outreach_activity_reach: OutreachActivityReachTable;
  outreach_activity_files: OutreachActivityFilesTable;
  outreach_series: OutreachSeriesTable;
  outreach_series_reach: OutreachSeriesReachTable;
  training_people: TrainingPeopleTable;
  training_courses: TrainingCoursesTable;
  training_attendance: TrainingAttendanceTable;
  tip_deadline_rules: TipDeadlineRulesTable;
  tips: TipsTable;
  tip_events: TipEventsTable;
  tip_files: TipFilesTable;
  online_posts: OnlinePostsTable;
  violation_types: ViolationTypesTable;
  inspection_plans: InspectionPlansTable;
  inspection_plan_targets: InspectionPlanTargetsTable;
  inspections: InspectionsTable;
  inspection_violations: InspectionViolationsTable;
  sanctions: SanctionsTable;
  risk_weights: RiskWeightsTable;
  establishment_types: EstablishmentTypesTable;
  establishments: EstablishmentsTable;
  plans: PlansTable;
  plan_sections: PlanSectionsTable;
  plan_indicators: PlanIndicatorsTable;
  indicator_targets: IndicatorTargetsTable;
  plan_tasks: PlanTasksTable;
  stored_files: StoredFilesTable;
  task_updates: TaskUpdatesTable;
  manual_measures: ManualMeasuresTable;
  manual_values: ManualValuesTable;
  denominators: DenominatorsTable;
  closed_periods: ClosedPeriodsTable;
  units: UnitsTable;
  unit_closure: UnitClosureTable;
  unit_links: UnitLinksTable;
  unit_lineage: UnitLineageTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}
