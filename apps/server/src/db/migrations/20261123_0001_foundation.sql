-- Foundation: administrative units with history, users and sessions, the append-only audit log.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Folds case and Vietnamese diacritics (đ → d) for search; immutable so that it can be indexed.
create or replace function pcmd_fold(text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

create table units (
  id integer generated always as identity primary key,
  code text not null,
  name text not null,
  type text not null,
  level smallint not null check (level between 0 and 4),
  parent_id integer references units(id),
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_to > valid_from)
);
-- Codes are reused across generations (old and new communes share 5-digit codes), so a code is unique per start date.
create unique index units_code_valid_from_key on units (code, valid_from);
create index units_parent_idx on units (parent_id);
create index units_name_fold_trgm_idx on units using gin (pcmd_fold(name) gin_trgm_ops);

-- Closure table: "this unit and everything under it" is one indexed lookup.
create table unit_closure (
  ancestor_id integer not null references units(id),
  descendant_id integer not null references units(id),
  depth smallint not null,
  primary key (ancestor_id, descendant_id)
);
create index unit_closure_descendant_idx on unit_closure (descendant_id, ancestor_id);

-- One step of history: a predecessor became (part of) a successor on a date.
create table unit_links (
  predecessor_id integer not null references units(id),
  successor_id integer not null references units(id),
  kind text not null check (kind in ('merge', 'split', 'rename')),
  share text not null check (share in ('full', 'partial')),
  effective_date date not null,
  primary key (predecessor_id, successor_id),
  check (predecessor_id <> successor_id)
);
create index unit_links_successor_idx on unit_links (successor_id);

-- Transitive closure of unit_links, self rows included: "this unit and its predecessors" is one indexed lookup.
create table unit_lineage (
  successor_id integer not null references units(id),
  predecessor_id integer not null references units(id),
  depth smallint not null,
  partial boolean not null,
  primary key (successor_id, predecessor_id)
);
create index unit_lineage_predecessor_idx on unit_lineage (predecessor_id);

create table users (
  id integer generated always as identity primary key,
  username text not null unique,
  full_name text not null,
  role text not null,
  unit_id integer not null references units(id),
  agency text,
  password_hash text not null,
  must_change_password boolean not null default false,
  disabled_at timestamptz,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  totp_secret text,
  totp_enabled boolean not null default false,
  locale text not null default 'vi',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_unit_idx on users (unit_id);

create table sessions (
  token_hash text primary key,
  user_id integer not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index sessions_user_idx on sessions (user_id);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id integer,
  actor_username text,
  action text not null,
  entity text not null,
  entity_id text,
  unit_id integer,
  before jsonb,
  after jsonb,
  detail jsonb,
  request_id text
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_actor_idx on audit_log (actor_id, at desc);
create index audit_log_unit_idx on audit_log (unit_id, at desc);
create index audit_log_entity_idx on audit_log (entity, entity_id);

-- The audit log is append-only: no update, delete or truncate, whoever asks.
create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'P0001';
end
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
