import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZTaskInput, type TFieldError, type TPlan } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { SuccessNotice } from '../../../components/Status';
import { parseInput, readDate, useSubmit } from '../../../lib/forms';
import { TaskFacts, TaskTags } from '../../tasks/components/TaskBits';
import { addTask } from '../api';

/**
 * The plan's tasks by section, each with its lead and cooperating agencies, deadline and status. Tasks of the user's
 * own area open their page (progress and evidence); those of a plan above are for reading.
 */
export function PlanTasks({ plan, editable, linkable, onSaved }: { plan: TPlan; editable: boolean; linkable: boolean; onSaved: (plan: TPlan) => void }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const groups = [
    ...plan.sections.map((s) => ({ key: String(s.id), heading: s.heading, tasks: plan.tasks.filter((task) => task.sectionId === s.id) })),
    { key: 'none', heading: t('plans.tasks.noSection'), tasks: plan.tasks.filter((task) => task.sectionId === null || !plan.sections.some((s) => s.id === task.sectionId)) },
  ].filter((g) => g.tasks.length > 0);

  return (
    <>
      {added && <SuccessNotice>{t('plans.tasks.added')}</SuccessNotice>}
      {editable && !adding && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdded(false);
              setAdding(true);
            }}
          >
            {t('plans.tasks.add')}
          </button>
        </p>
      )}
      {adding && (
        <AddTaskForm
          plan={plan}
          onCancel={() => setAdding(false)}
          onSaved={(next) => {
            onSaved(next);
            setAdding(false);
            setAdded(true);
          }}
        />
      )}
      {plan.tasks.length === 0 && <p className="muted">{t('plans.tasks.none')}</p>}
      {groups.map((g) => (
        <div key={g.key} className="task-group">
          <h3>{g.heading}</h3>
          <ul className="item-list">
            {g.tasks.map((task) => (
              <li key={task.id} className={task.overdue ? 'item item-overdue' : 'item'}>
                <div className="item-main">
                  {linkable ? (
                    <Link className="item-title" to={`/tasks/${task.id}`}>
                      {task.title}
                    </Link>
                  ) : (
                    <span className="item-title">{task.title}</span>
                  )}
                  <p className="item-meta">
                    <TaskFacts task={task} />
                  </p>
                </div>
                <div className="item-actions">
                  <TaskTags task={task} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function AddTaskForm({ plan, onSaved, onCancel }: { plan: TPlan; onSaved: (plan: TPlan) => void; onCancel: () => void }) {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [title, setTitle] = useState('');
  const [leadAgency, setLeadAgency] = useState('');
  const [cooperating, setCooperating] = useState('');
  const [deadline, setDeadline] = useState('');
  const [section, setSection] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const input = parseInput(
        ZTaskInput,
        {
          title,
          leadAgency,
          cooperatingAgencies: cooperating.split(/[\n;]/).map((a) => a.trim()).filter(Boolean),
          deadline: readDate(deadline, 'deadline', errors) ?? null,
          sectionPosition: section === '' ? null : Number(section),
        },
        errors,
      );
      onSaved(await addTask(plan.id, input));
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form form-wide card" aria-label={t('plans.tasks.add')}>
      <h3>{t('plans.tasks.add')}</h3>
      <FormErrors failure={form.failure} />
      <TextAreaField name="title" label={field('title')} rows={2} value={title} onChange={(e) => setTitle(e.target.value)} error={form.errors.title} required />
      <TextField name="leadAgency" label={field('leadAgency')} hint={t('plans.tasks.leadHint')} value={leadAgency} onChange={(e) => setLeadAgency(e.target.value)} error={form.errors.leadAgency} required />
      <TextAreaField
        name="cooperatingAgencies"
        label={field('cooperatingAgencies')}
        hint={t('plans.tasks.cooperatingHint')}
        rows={2}
        value={cooperating}
        onChange={(e) => setCooperating(e.target.value)}
        error={form.errors.cooperatingAgencies}
      />
      <div className="field-row">
        <DateField name="deadline" label={field('deadline')} value={deadline} onChange={setDeadline} error={form.errors.deadline} />
        <SelectField name="sectionPosition" label={field('sectionPosition')} value={section} onChange={(e) => setSection(e.target.value)} error={form.errors.sectionPosition}>
          <option value="">{t('plans.tasks.noSection')}</option>
          {plan.sections.map((s, i) => (
            <option key={s.id} value={i}>
              {s.heading}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {t('plans.tasks.addSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
