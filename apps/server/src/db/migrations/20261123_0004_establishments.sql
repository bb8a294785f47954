-- At-risk business establishments (DOMAIN.md §3.2): the registry, its type catalogue, review, classification and commitment.
create table establishment_types (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  position integer not null,
  active boolean not null default true
);
insert into establishment_types (code, name_vi, name_en, position) values
  ('hotel', 'Khách sạn', 'Hotel', 1),
  ('guest_house', 'Nhà nghỉ', 'Guest house', 2),
  ('other_lodging', 'Cơ sở lưu trú khác', 'Other lodging', 3),
  ('karaoke', 'Karaoke', 'Karaoke', 4),
  ('massage', 'Xoa bóp (massage)', 'Massage', 5),
  ('bar', 'Quán bar', 'Bar', 6),
  ('pub', 'Quán rượu, beer club', 'Pub', 7),
  ('dance_club', 'Vũ trường', 'Dance club', 8),
  ('short_term_rental', 'Căn hộ cho thuê ngắn hạn', 'Short-term rental flat', 9),
  ('rental_rooms', 'Nhà trọ', 'Rental rooms', 10),
  ('cultural_sports', 'Dịch vụ văn hóa, thể thao', 'Cultural and sports services', 11);

create table establishments (
  id integer generated always as identity primary key,
  unit_id integer not null references units(id),
  name text not null,
  name_folded text generated always as (pcmd_fold(name)) stored,
  type_code text not null references establishment_types(code),
  address text not null,
  address_folded text generated always as (pcmd_fold(address)) stored,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  registration_no text,
  licence_no text,
  licence_issuer text,
  licence_expiry date,
  representative_name text,
  representative_id_no text,
  representative_phone text,
  staff_count integer check (staff_count >= 0),
  status text not null default 'operating' check (status in ('operating', 'suspended', 'closed')),
  opened_on date not null,
  closed_on date,
  risk_level text check (risk_level in ('low', 'medium', 'high')),
  risk_reason text,
  classified_on date,
  commitment_signed_on date,
  commitment_file_id integer references stored_files(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closed_on is null or closed_on >= opened_on)
);
create index establishments_unit_idx on establishments (unit_id);
-- One registration number, one establishment (case and spaces ignored).
create unique index establishments_registration_no_key on establishments (upper(replace(registration_no, ' ', ''))) where registration_no is not null;
create index establishments_name_trgm_idx on establishments using gin (name_folded gin_trgm_ops);
create index establishments_name_address_idx on establishments (name_folded, address_folded);
