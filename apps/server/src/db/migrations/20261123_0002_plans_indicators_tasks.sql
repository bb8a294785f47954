-- Plans cascading from the level above, their indicators and targets, tasks assigned to agencies,
-- the manual-entry measure, denominator tables and closed reporting periods.
create table plans (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  parent_plan_id integer references plans(id),
  number_symbol text,
  issue_date date,
  place_name text not null,
  subject text not null,
  period_from_year smallint not null,
  period_to_year smallint not null,
  preamble text not null default '',
  purposes text not null default '',
  requirements text not null default '',
  general_objective text not null default '',
  budget text not null default '',
  signer_name text not null default '',
  signing_mode text not null default 'TM' check (signing_mode in ('TM', 'KT')),
  signer_title text not null default 'CHỦ TỊCH',
  recipients jsonb not null default '[]',
  reporting_calendar jsonb not null,
  status text not null default 'draft' check (status in ('draft', 'issued', 'superseded')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_to_year >= period_from_year)
);
create index plans_unit_idx on plans (unit_id);
create index plans_parent_idx on plans (parent_plan_id);

create table plan_sections (
  id integer generated always as identity primary key,
  plan_id integer not null references plans(id) on delete cascade,
  position integer not null,
  heading text not null,
  body text not null default ''
);
create index plan_sections_plan_idx on plan_sections (plan_id, position);

create table plan_indicators (
  id integer generated always as identity primary key,
  plan_id integer not null references plans(id) on delete cascade,
  parent_indicator_id integer references plan_indicators(id),
  position integer not null,
  name text not null,
  shape text not null,
  numerator jsonb not null,
  denominator jsonb,
  comparator text not null check (comparator in ('gte', 'gt', 'lte', 'eq')),
  unit_level smallint not null check (unit_level between 1 and 4)
);
create index plan_indicators_plan_idx on plan_indicators (plan_id, position);
create index plan_indicators_parent_idx on plan_indicators (parent_indicator_id);

create table indicator_targets (
  indicator_id integer not null references plan_indicators(id) on delete cascade,
  period_key text not null,
  target numeric not null,
  primary key (indicator_id, period_key)
);

create table plan_tasks (
  id integer generated always as identity primary key,
  plan_id integer not null references plans(id) on delete cascade,
  section_id integer references plan_sections(id) on delete set null,
  parent_task_id integer references plan_tasks(id),
  position integer not null,
  title text not null,
  lead_agency text not null,
  cooperating_agencies jsonb not null default '[]',
  deadline date,
  status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'done', 'cancelled')),
  done_at date,
  updated_at timestamptz not null default now()
);
create index plan_tasks_plan_idx on plan_tasks (plan_id, position);
create index plan_tasks_deadline_idx on plan_tasks (deadline) where status <> 'done';

-- Evidence files are kept in the database: transactional with the update they prove, and backed up with it.
create table stored_files (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  file_name text not null,
  mime_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by integer references users(id),
  uploaded_at timestamptz not null default now()
);

create table task_updates (
  id integer generated always as identity primary key,
  task_id integer not null references plan_tasks(id) on delete cascade,
  at timestamptz not null default now(),
  user_id integer references users(id),
  status text not null,
  note text not null default '',
  file_id integer references stored_files(id)
);
create index task_updates_task_idx on task_updates (task_id, at);

create table manual_measures (
  key text primary key,
  name text not null,
  unit_id integer not null references units(id),
  created_by integer references users(id),
  created_at timestamptz not null default now()
);

-- Values typed per unit and period, like a DHIS2 data set; the last entry for a cell wins and says who entered it.
create table manual_values (
  measure_key text not null references manual_measures(key),
  unit_id integer not null references units(id),
  period_start date not null,
  period_end date not null,
  value numeric not null,
  entered_by integer references users(id),
  entered_at timestamptz not null default now(),
  primary key (measure_key, unit_id, period_start, period_end),
  check (period_end > period_start)
);
create index manual_values_unit_idx on manual_values (unit_id, measure_key);

-- Population of target groups per unit and year (students, workers in industrial zones, …).
create table denominators (
  group_key text not null,
  unit_id integer not null references units(id),
  year smallint not null,
  value numeric not null check (value >= 0),
  entered_by integer references users(id),
  entered_at timestamptz not null default now(),
  primary key (group_key, unit_id, year)
);
create index denominators_unit_idx on denominators (unit_id);

-- A period closed for a unit (and its subtree): no more manual entry for it.
create table closed_periods (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  period_start date not null,
  period_end date not null,
  closed_by integer references users(id),
  closed_at timestamptz not null default now()
);
create index closed_periods_unit_idx on closed_periods (unit_id);
