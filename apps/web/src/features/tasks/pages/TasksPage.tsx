import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { CheckboxField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading } from '../../../components/Status';
import { useResource } from '../../../lib/use-resource';
import { fetchTasks, type TTaskItem } from '../api';
import { TaskFacts, TaskTags } from '../components/TaskBits';

/** The tasks of the plans of the user's area: their own agency's first, the overdue flagged; a filter keeps only those. */
export function TasksPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const overdue = params.get('overdue') === '1';
  const tasks = useResource((signal) => fetchTasks(overdue, signal), [overdue]);
  const items = tasks.data?.items ?? [];
  const mine = items.filter((task) => task.mine);
  const others = items.filter((task) => !task.mine);
  const overdueCount = items.filter((task) => task.overdue).length;

  return (
    <>
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.intro')} />
      <div className="filters filters-inline">
        <CheckboxField name="overdue" label={t('tasks.onlyOverdue')} checked={overdue} onChange={(e) => setParams(e.target.checked ? { overdue: '1' } : {}, { replace: true })} />
      </div>
      {tasks.error && <ErrorNotice error={tasks.error} onRetry={tasks.reload} />}
      {tasks.loading && !tasks.data && <Loading />}
      {tasks.data && (
        <>
          <p className="muted" role="status">
            {overdue ? t('tasks.countOverdue', { count: items.length }) : t('tasks.count', { count: items.length, overdue: overdueCount })}
          </p>
          {items.length === 0 && <p>{overdue ? t('tasks.noneOverdue') : t('tasks.none')}</p>}
          {mine.length > 0 && <TaskList id="mine" title={t('tasks.mine', { count: mine.length })} tasks={mine} />}
          {others.length > 0 && <TaskList id="others" title={mine.length > 0 ? t('tasks.others', { count: others.length }) : t('tasks.all', { count: others.length })} tasks={others} />}
        </>
      )}
    </>
  );
}

function TaskList({ id, title, tasks }: { id: string; title: string; tasks: TTaskItem[] }) {
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <ul className="item-list">
        {tasks.map((task) => (
          <li key={task.id} className={task.overdue ? 'item item-overdue' : 'item'}>
            <div className="item-main">
              <Link className="item-title" to={`/tasks/${task.id}`}>
                {task.title}
              </Link>
              <p className="item-meta">
                <TaskFacts task={task} />
              </p>
              <p className="item-meta muted small">
                {task.unitName} · {task.planSubject}
              </p>
            </div>
            <div className="item-actions">
              <TaskTags task={task} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
