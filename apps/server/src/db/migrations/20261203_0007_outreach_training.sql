-- Outreach and communication (DOMAIN.md §3.5): one-off activities, recurring broadcasts entered once as a series,
-- peer groups and support models; and training (§3.6): the roster of people doing this work, courses and attendance.
-- Channels, target groups and roster kinds are checked by the API (packages/contracts), like tip channels.
create table peer_groups (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  name text not null,
  kind text not null check (kind in ('peer_group', 'self_help_group', 'club', 'support_model')),
  host_agency text not null,
  -- Members are counted, never named.
  members_count integer not null check (members_count >= 0),
  founded_on date not null,
  dissolved_on date,
  description text not null default '',
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (dissolved_on is null or dissolved_on >= founded_on)
);
create index peer_groups_unit_idx on peer_groups (unit_id);

create table outreach_activities (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  held_on date not null,
  agency text not null,
  channel text not null,
  topic text not null,
  materials text not null default '',
  task_id integer references plan_tasks(id),
  peer_group_id integer references peer_groups(id),
  -- A draft's id, generated on the phone: a draft sent twice after a lost connection is stored once.
  client_id uuid unique,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index outreach_activities_unit_idx on outreach_activities (unit_id, held_on);
create index outreach_activities_creator_idx on outreach_activities (created_by, created_at);
create index outreach_activities_peer_group_idx on outreach_activities (peer_group_id) where peer_group_id is not null;

create table outreach_activity_reach (
  activity_id integer not null references outreach_activities(id) on delete cascade,
  target_group text not null,
  reached integer not null check (reached >= 0),
  primary key (activity_id, target_group)
);

create table outreach_activity_files (
  activity_id integer not null references outreach_activities(id) on delete cascade,
  file_id integer not null references stored_files(id),
  primary key (activity_id, file_id)
);

-- A recurring broadcast (loudspeaker every week, a monthly post): one row, expanded to its occurrences when counted
-- (starts_on, then every `interval_count` days, weeks or months until ends_on, or open-ended until it is ended).
create table outreach_series (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  agency text not null,
  channel text not null,
  topic text not null,
  frequency text not null check (frequency in ('daily', 'weekly', 'monthly')),
  interval_count integer not null default 1 check (interval_count between 1 and 12),
  starts_on date not null,
  ends_on date,
  materials text not null default '',
  task_id integer references plan_tasks(id),
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create index outreach_series_unit_idx on outreach_series (unit_id);

-- People reached at each occurrence of a series.
create table outreach_series_reach (
  series_id integer not null references outreach_series(id) on delete cascade,
  target_group text not null,
  reached integer not null check (reached >= 0),
  primary key (series_id, target_group)
);

create table training_people (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  full_name text not null,
  kind text not null,
  agency text not null,
  position text not null default '',
  joined_on date not null,
  left_on date,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (left_on is null or left_on > joined_on)
);
create index training_people_unit_idx on training_people (unit_id);

create table training_courses (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  title text not null,
  organiser text not null,
  level text not null check (level in ('national', 'province', 'commune', 'village')),
  starts_on date not null,
  ends_on date not null,
  topics jsonb not null default '[]',
  note text not null default '',
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index training_courses_unit_idx on training_courses (unit_id, ends_on);

create table training_attendance (
  course_id integer not null references training_courses(id) on delete cascade,
  person_id integer not null references training_people(id),
  completed boolean not null default true,
  certificate_file_id integer references stored_files(id),
  primary key (course_id, person_id)
);
create index training_attendance_person_idx on training_attendance (person_id);
