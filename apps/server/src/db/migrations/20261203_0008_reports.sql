-- Periodic reports: a unit's own report on one of its plans for one period, or the consolidated report of an upper
-- level built from its units' sent reports. The numbers are frozen in `snapshot` at submission.
create table reports (
  id integer generated always as identity primary key,
  kind text not null check (kind in ('unit', 'consolidated')),
  unit_id integer not null references units(id),
  plan_id integer not null references plans(id),
  period_key text not null,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'received', 'returned')),
  number_symbol text,
  recipients jsonb not null default '[]',
  narrative jsonb not null,
  snapshot jsonb,
  due_on date not null,
  submitted_at timestamptz,
  submitted_by integer references users(id),
  sent_at timestamptz,
  approved_by integer references users(id),
  signer_name text,
  signer_title text,
  signing_mode text,
  received_at timestamptz,
  received_by integer references users(id),
  return_comment text,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (plan_id, period_key, kind)
);
create index reports_unit_period on reports (unit_id, period_key);

-- How a province that runs DHIS2 names PCMD's indicators and units.
create table dhis2_indicator_codes (
  indicator_id integer primary key references plan_indicators(id) on delete cascade,
  data_element text not null,
  category_option_combo text
);
create table dhis2_unit_codes (
  unit_id integer primary key references units(id),
  org_unit text not null
);
