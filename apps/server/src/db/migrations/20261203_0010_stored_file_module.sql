-- A file is read under the rules of the module that holds it: a commune's health worker may open a task's evidence
-- but not a citizen's photo attached to a tip, nor an inspection's report.
alter table stored_files add column module text;
update stored_files set module = 'tips'
  where id in (select file_id from tip_files) or id in (select evidence_file_id from online_posts where evidence_file_id is not null);
update stored_files set module = 'establishments'
  where id in (select commitment_file_id from establishments where commitment_file_id is not null)
     or id in (select (jsonb_array_elements_text(file_ids))::int from inspections);
update stored_files set module = 'tasks' where module is null;
alter table stored_files alter column module set not null;
