import { TASK_STATUSES, formatDateVi, type TPlanTask } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';

type Status = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_KEYS: Record<Status, MessageKey> = {
  not_started: 'tasks.status.not_started',
  in_progress: 'tasks.status.in_progress',
  done: 'tasks.status.done',
  cancelled: 'tasks.status.cancelled',
};

const STATUS_CLASS: Record<Status, string> = {
  not_started: 'tag',
  in_progress: 'tag tag-info',
  done: 'tag tag-current',
  cancelled: 'tag tag-muted',
};

export function TaskStatus({ status }: { status: string }) {
  const { t } = useI18n();
  const known = (TASK_STATUSES as readonly string[]).includes(status) ? (status as Status) : null;
  return <span className={known ? STATUS_CLASS[known] : 'tag'}>{known ? t(TASK_STATUS_KEYS[known]) : status}</span>;
}

/** The status, and a red "overdue" flag with an icon when the deadline has passed and the task is still open. */
export function TaskTags({ task }: { task: Pick<TPlanTask, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <span className="tags">
      <TaskStatus status={task.status} />
      {task.overdue && (
        <span className="tag tag-expired">
          <span aria-hidden="true">⚠</span> {t('tasks.overdue')}
        </span>
      )}
    </span>
  );
}

/** "Chủ trì: Công an phường · Phối hợp: … · Hạn: 31/07/2026". */
export function TaskFacts({ task }: { task: Pick<TPlanTask, 'leadAgency' | 'cooperatingAgencies' | 'deadline' | 'doneAt' | 'status'> }) {
  const { t } = useI18n();
  return (
    <span className="item-facts">
      <span>
        {t('tasks.lead')}: <strong>{task.leadAgency}</strong>
      </span>
      {task.cooperatingAgencies.length > 0 && (
        <span>
          {t('tasks.cooperating')}: {task.cooperatingAgencies.join('; ')}
        </span>
      )}
      <span>
        {t('tasks.deadline')}: {task.deadline ? formatDateVi(task.deadline) : t('tasks.noDeadline')}
      </span>
      {task.status === 'done' && task.doneAt && <span>{t('tasks.doneOn', { date: formatDateVi(task.doneAt) })}</span>}
    </span>
  );
}
