import { REPORT_STATUSES, REPORT_TIMELINESS, type TReportStatus, type TReportTimeliness } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';

const STATUS_CLASS: Record<TReportStatus, string> = {
  draft: 'tag',
  submitted: 'tag tag-info',
  approved: 'tag tag-current',
  received: 'tag tag-current',
  returned: 'tag tag-expired',
};

export function ReportStatus({ status }: { status: TReportStatus }) {
  const { locale } = useI18n();
  return <span className={STATUS_CLASS[status]}>{REPORT_STATUSES[status][locale]}</span>;
}

const TIMELINESS_CLASS: Record<TReportTimeliness, string> = {
  not_started: 'tag tag-muted',
  draft: 'tag tag-info',
  on_time: 'tag tag-current',
  late: 'tag tag-expired',
  returned: 'tag tag-warning',
};

export function Timeliness({ value }: { value: TReportTimeliness }) {
  const { locale } = useI18n();
  return <span className={TIMELINESS_CLASS[value]}>{REPORT_TIMELINESS[value][locale]}</span>;
}
