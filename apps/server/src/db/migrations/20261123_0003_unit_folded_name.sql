-- The folded name is stored, so a broad search does not fold every candidate twice (filter and ranking).
alter table units add column name_folded text generated always as (pcmd_fold(name)) stored;
drop index units_name_fold_trgm_idx;
create index units_name_folded_trgm_idx on units using gin (name_folded gin_trgm_ops);
