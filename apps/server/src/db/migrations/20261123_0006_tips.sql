-- Tips and denunciations (tin tố giác, tin báo, khiếu nại, phản ánh) with their legal clock, and the log of
-- online brokering and advertising with takedown requests. No IP address is ever stored.
create table tip_deadline_rules (
  kind text primary key check (kind in ('crime_report', 'denunciation', 'complaint', 'information')),
  days integer not null check (days > 0),
  extension_days integer not null check (extension_days >= 0),
  max_extensions integer not null check (max_extensions >= 0),
  legal_basis text not null default ''
);
-- Starting values from the law (DOMAIN.md §5); deadlines are configuration, kept current by the administrator.
insert into tip_deadline_rules (kind, days, extension_days, max_extensions, legal_basis) values
  ('crime_report', 20, 60, 2, 'Bộ luật Tố tụng hình sự 2015, Điều 147'),
  ('denunciation', 30, 30, 1, 'Luật Tố cáo 2018'),
  ('complaint', 30, 15, 1, 'Luật Khiếu nại 2011'),
  ('information', 15, 15, 1, 'Quy chế tiếp nhận phản ánh, kiến nghị');

create table tips (
  id integer generated always as identity primary key,
  reference_code text not null unique,
  secret_hash text,
  unit_id integer not null references units(id),
  address text not null default '',
  latitude double precision,
  longitude double precision,
  establishment_id integer references establishments(id),
  inspection_id integer references inspections(id),
  occurred_at text not null default '',
  description text not null,
  category text not null,
  channel text not null,
  kind text check (kind in ('crime_report', 'denunciation', 'complaint', 'information')),
  priority text not null default 'normal' check (priority in ('urgent', 'high', 'normal')),
  status text not null default 'received' check (status in ('received', 'verifying', 'classified', 'assigned', 'handled', 'closed')),
  result text check (result in ('confirmed_acted', 'transferred', 'not_confirmed')),
  received_at timestamptz not null default now(),
  deadline date not null,
  extensions integer not null default 0,
  assigned_agency text,
  assigned_user_id integer references users(id),
  handled_at timestamptz,
  closed_at timestamptz,
  anonymous boolean not null,
  -- The reporter's identity, encrypted by the application; readable only by the handler and leaders, every read audited.
  reporter_encrypted text,
  created_by integer references users(id),
  updated_at timestamptz not null default now()
);
create index tips_unit_idx on tips (unit_id, received_at);
create index tips_open_deadline_idx on tips (deadline) where status not in ('handled', 'closed');
create index tips_establishment_idx on tips (establishment_id) where establishment_id is not null;

create table tip_events (
  id integer generated always as identity primary key,
  tip_id integer not null references tips(id) on delete cascade,
  at timestamptz not null default now(),
  user_id integer references users(id),
  event text not null,
  from_status text,
  to_status text,
  note text not null default '',
  -- Whether the citizen sees this step on the status page.
  public_note text
);
create index tip_events_tip_idx on tip_events (tip_id, at);

create table tip_files (
  tip_id integer not null references tips(id) on delete cascade,
  file_id integer not null references stored_files(id),
  from_citizen boolean not null,
  primary key (tip_id, file_id)
);

create table online_posts (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  platform text not null,
  url text not null,
  found_on date not null,
  description text not null default '',
  evidence_file_id integer references stored_files(id),
  evidence_sha256 text,
  takedown_sent_on date,
  takedown_sent_to text,
  takedown_result text check (takedown_result in ('pending', 'removed', 'refused', 'no_response')),
  removed_on date,
  tip_id integer references tips(id),
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index online_posts_unit_idx on online_posts (unit_id, found_on);
