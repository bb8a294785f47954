import { useState, type FormEvent } from 'react';
import { ZPlanSectionInput, type TPlan } from '@pcmd/contracts';
import { z } from 'zod';
import { useI18n } from '../../../app/i18n';
import { FormErrors, TextAreaField, TextField } from '../../../components/Field';
import { SuccessNotice } from '../../../components/Status';
import { parseInput, useSubmit } from '../../../lib/forms';
import { replaceSections } from '../api';

const ZSections = z.object({ sections: z.array(ZPlanSectionInput).max(50) });

/** The plan's sections (headings and bodies) as the document prints them; editors rewrite them as a whole. */
export function PlanSections({ plan, editable, onSaved }: { plan: TPlan; editable: boolean; onSaved: (plan: TPlan) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (editing)
    return (
      <SectionsEditor
        plan={plan}
        onCancel={() => setEditing(false)}
        onSaved={(next) => {
          onSaved(next);
          setEditing(false);
          setSaved(true);
        }}
      />
    );
  return (
    <>
      {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
      {editable && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('plans.sections.edit')}
          </button>
        </p>
      )}
      {plan.sections.length === 0 ? (
        <p className="muted">{t('plans.sections.none')}</p>
      ) : (
        <div className="text-blocks">
          {plan.sections.map((s) => (
            <div key={s.id}>
              <h3>{s.heading}</h3>
              {s.body.trim() && <p className="pre-line">{s.body}</p>}
            </div>
          ))}
        </div>
      )}
    </>
  );
}

interface Draft {
  key: number;
  heading: string;
  body: string;
}

function SectionsEditor({ plan, onSaved, onCancel }: { plan: TPlan; onSaved: (plan: TPlan) => void; onCancel: () => void }) {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [drafts, setDrafts] = useState<Draft[]>(() => plan.sections.map((s, i) => ({ key: i, heading: s.heading, body: s.body })));
  const [nextKey, setNextKey] = useState(plan.sections.length);
  const linkedTasks = plan.tasks.filter((task) => task.sectionId !== null).length;

  const change = (key: number, patch: Partial<Draft>) => setDrafts((list) => list.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const move = (index: number, by: number) =>
    setDrafts((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const input = parseInput(ZSections, { sections: drafts.map((d) => ({ heading: d.heading, body: d.body })) });
      onSaved(await replaceSections(plan.id, input.sections));
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form form-wide" aria-label={t('plans.sections.edit')}>
      <FormErrors failure={form.failure} />
      {linkedTasks > 0 && <p className="notice notice-warning">{t('plans.sections.taskLinks', { count: linkedTasks })}</p>}
      {drafts.map((d, i) => (
        <fieldset key={d.key}>
          <legend>{t('plans.sections.number', { n: i + 1 })}</legend>
          <TextField
            name={`sections.${i}.heading`}
            label={field('heading')}
            value={d.heading}
            onChange={(e) => change(d.key, { heading: e.target.value })}
            error={form.errors[`sections.${i}.heading`]}
            required
          />
          <TextAreaField
            name={`sections.${i}.body`}
            label={field('body')}
            rows={5}
            value={d.body}
            onChange={(e) => change(d.key, { body: e.target.value })}
            error={form.errors[`sections.${i}.body`]}
          />
          <div className="actions">
            <button type="button" className="button button-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('plans.sections.up', { n: i + 1 })}>
              ↑ {t('plans.sections.upShort')}
            </button>
            <button type="button" className="button button-small" disabled={i === drafts.length - 1} onClick={() => move(i, 1)} aria-label={t('plans.sections.down', { n: i + 1 })}>
              ↓ {t('plans.sections.downShort')}
            </button>
            <button type="button" className="button button-small" onClick={() => setDrafts((list) => list.filter((x) => x.key !== d.key))} aria-label={t('plans.sections.remove', { n: i + 1 })}>
              {t('common.remove')}
            </button>
          </div>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDrafts((list) => [...list, { key: nextKey, heading: '', body: '' }]);
            setNextKey((k) => k + 1);
          }}
        >
          {t('plans.sections.add')}
        </button>
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
