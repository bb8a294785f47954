import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { TASK_STATUSES, ZTaskUpdateRequest, formatDateTimeVi, formatDateVi, formatNumberVi, type TFieldError } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FieldShell, FormErrors, SelectField, TextAreaField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { missingField, parseInput, readDate, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { fetchTask, fileUrl, reportProgress, type TTaskDetail } from '../api';
import { TASK_STATUS_KEYS, TaskFacts, TaskStatus, TaskTags } from '../components/TaskBits';

const EVIDENCE_TYPES = ['.pdf', '.jpg', '.jpeg', '.png', '.docx', '.xlsx'];
const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export function TaskPage() {
  const { id } = useParams();
  const taskId = Number(id);
  const task = useResource((signal) => fetchTask(taskId, signal), [taskId]);
  if (task.error) return <ErrorNotice error={task.error} onRetry={task.reload} />;
  if (!task.data || task.data.id !== taskId) return <Loading />;
  return <TaskView key={task.data.id} initial={task.data} />;
}

function TaskView({ initial }: { initial: TTaskDetail }) {
  const { t } = useI18n();
  const [task, setTask] = useState(initial);
  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('tasks.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/tasks">{t('tasks.title')}</Link>
              </li>
              <li>
                <Link to={`/plans/${task.planId}?tab=tasks`}>{t('tasks.plan')}</Link>
              </li>
            </ol>
          </nav>
        }
        title={task.title}
        subtitle={<TaskTags task={task} />}
      />
      <p className="facts-line">
        <TaskFacts task={task} />
      </p>

      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('tasks.history')}</h2>
        {task.updates.length === 0 ? (
          <p className="muted">{t('tasks.history.none')}</p>
        ) : (
          <ol className="timeline">
            {[...task.updates].reverse().map((u) => (
              <li key={u.id}>
                <p className="timeline-head">
                  <time dateTime={u.at}>{formatDateTimeVi(u.at)}</time> · <span>{u.username ?? t('tasks.history.system')}</span> <TaskStatus status={u.status} />
                </p>
                {u.note && <p className="pre-line">{u.note}</p>}
                {u.file && (
                  <p>
                    {t('tasks.evidence')}:{' '}
                    <a href={fileUrl(u.file.id)} download>
                      {u.file.name}
                    </a>{' '}
                    <span className="muted small">({formatNumberVi(Math.max(1, Math.round(u.file.size / 1024)))} KB)</span>
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <ProgressForm task={task} onSaved={setTask} />
    </>
  );
}

function ProgressForm({ task, onSaved }: { task: TTaskDetail; onSaved: (task: TTaskDetail) => void }) {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState<string>(task.status);
  const [note, setNote] = useState('');
  const [doneAt, setDoneAt] = useState(task.doneAt ? formatDateVi(task.doneAt) : '');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const done = status === 'done' ? readDate(doneAt, 'doneAt', errors) : undefined;
      if (status === 'done' && !doneAt.trim()) errors.push({ path: 'doneAt', message: t('tasks.progress.doneAtRequired') });
      if (file) {
        const name = file.name.toLowerCase();
        if (!EVIDENCE_TYPES.some((ext) => name.endsWith(ext))) errors.push({ path: 'file', message: t('tasks.progress.fileType') });
        else if (file.size > MAX_EVIDENCE_BYTES) errors.push({ path: 'file', message: t('tasks.progress.fileSize') });
      }
      if (!status) errors.push(missingField('status'));
      const input = parseInput(ZTaskUpdateRequest, { status, note, doneAt: done }, errors);
      onSaved(await reportProgress(task.id, { ...input, file }));
      setNote('');
      setFile(null);
      setFileKey((k) => k + 1);
      setSaved(true);
    });
  };

  return (
    <section className="section" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('tasks.progress.title')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {saved && <SuccessNotice>{t('tasks.progress.saved')}</SuccessNotice>}
        <SelectField name="status" label={field('status')} value={status} onChange={(e) => setStatus(e.target.value)} error={form.errors.status} required>
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(TASK_STATUS_KEYS[s])}
            </option>
          ))}
        </SelectField>
        {status === 'done' && <DateField name="doneAt" label={field('doneAt')} value={doneAt} onChange={setDoneAt} error={form.errors.doneAt} required />}
        <TextAreaField name="note" label={field('note')} hint={t('tasks.progress.noteHint')} rows={4} value={note} onChange={(e) => setNote(e.target.value)} error={form.errors.note} />
        <FieldShell name="file" label={t('tasks.progress.file')} hint={t('tasks.progress.fileHint')} error={form.errors.file}>
          {(control) => <input key={fileKey} type="file" accept={EVIDENCE_TYPES.join(',')} {...control} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t('tasks.progress.sending') : t('tasks.progress.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
