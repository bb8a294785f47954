-- Inspections of establishments: plans of the inter-agency team, visit records, violations from an editable
-- catalogue, sanction decisions and their follow-up; and the weights of the risk-based inspection priority.
create table violation_types (
  code text primary key,
  name text not null,
  legal_basis text not null default '',
  category text not null check (category in ('prostitution', 'business_conditions', 'other')),
  fine_min numeric,
  fine_max numeric,
  position integer not null default 0,
  active boolean not null default true
);
-- Starting entries; the administrator keeps the catalogue current (Decree 282/2025/NĐ-CP from 15/12/2025).
insert into violation_types (code, name, legal_basis, category, position) values
  ('harbouring', 'Chứa chấp, dung túng hoạt động mua bán dâm tại cơ sở', 'Nghị định 282/2025/NĐ-CP', 'prostitution', 1),
  ('brokering', 'Môi giới mại dâm', 'Nghị định 282/2025/NĐ-CP', 'prostitution', 2),
  ('buying_sex', 'Mua dâm', 'Nghị định 282/2025/NĐ-CP, Điều 32', 'prostitution', 3),
  ('selling_sex', 'Bán dâm', 'Nghị định 282/2025/NĐ-CP, Điều 33', 'prostitution', 4),
  ('no_guest_register', 'Không thông báo lưu trú, không lập sổ theo dõi khách', 'Quy định về cư trú, lưu trú', 'business_conditions', 5),
  ('no_licence', 'Kinh doanh ngành nghề có điều kiện khi chưa đủ điều kiện, giấy phép hết hạn', 'Quy định về kinh doanh có điều kiện', 'business_conditions', 6),
  ('closed_rooms', 'Phòng hát, phòng xoa bóp không bảo đảm điều kiện (kín, khóa trong)', 'Quy định về kinh doanh dịch vụ karaoke, xoa bóp', 'business_conditions', 7),
  ('late_hours', 'Hoạt động quá giờ quy định', 'Quy định về kinh doanh dịch vụ', 'business_conditions', 8);

create table inspection_plans (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  kind text not null check (kind in ('periodic', 'thematic', 'surprise')),
  title text not null,
  team jsonb not null default '[]',
  starts_on date not null,
  ends_on date not null,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index inspection_plans_unit_idx on inspection_plans (unit_id);

create table inspection_plan_targets (
  inspection_plan_id integer not null references inspection_plans(id) on delete cascade,
  establishment_id integer not null references establishments(id),
  primary key (inspection_plan_id, establishment_id)
);

create table inspections (
  id integer generated always as identity primary key,
  establishment_id integer not null references establishments(id),
  inspection_plan_id integer references inspection_plans(id),
  kind text not null check (kind in ('periodic', 'thematic', 'surprise')),
  inspected_on date not null,
  checklist jsonb not null default '[]',
  findings text not null default '',
  -- People found at the establishment are counted, never named (DOMAIN.md §3.2).
  people_present integer not null default 0 check (people_present >= 0),
  file_ids jsonb not null default '[]',
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index inspections_establishment_idx on inspections (establishment_id, inspected_on);
create index inspections_date_idx on inspections (inspected_on);

create table inspection_violations (
  inspection_id integer not null references inspections(id) on delete cascade,
  violation_code text not null references violation_types(code),
  note text not null default '',
  primary key (inspection_id, violation_code)
);

create table sanctions (
  id integer generated always as identity primary key,
  inspection_id integer not null references inspections(id) on delete cascade,
  decision_no text not null,
  decision_date date not null,
  issuer text not null,
  fine_amount numeric not null default 0 check (fine_amount >= 0),
  additional_measures text not null default '',
  follow_up text not null default '',
  follow_up_done_on date
);
create index sanctions_inspection_idx on sanctions (inspection_id);

-- The factors of the inspection priority score and their weights: configuration, one row per deployment.
create table risk_weights (
  id boolean primary key default true check (id),
  weights jsonb not null,
  updated_by integer references users(id),
  updated_at timestamptz not null default now()
);
insert into risk_weights (weights) values ('{
  "type": {"karaoke": 20, "massage": 25, "guest_house": 20, "hotel": 10, "other_lodging": 15, "bar": 15, "pub": 10, "dance_club": 20, "short_term_rental": 15, "rental_rooms": 10, "cultural_sports": 5},
  "riskLevel": {"low": 0, "medium": 15, "high": 35},
  "unclassified": 10,
  "perMonthSinceInspection": 2,
  "neverInspected": 30,
  "monthsCap": 24,
  "perPastViolation": 10,
  "perLinkedTip": 8,
  "noCommitment": 15
}');
