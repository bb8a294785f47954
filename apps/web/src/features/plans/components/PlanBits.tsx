import { formatDateVi, type TPlanSummary } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages';
import { periodText } from '../periods';

const STATUS: Record<TPlanSummary['status'], { key: MessageKey; className: string }> = {
  draft: { key: 'plans.status.draft', className: 'tag tag-warning' },
  issued: { key: 'plans.status.issued', className: 'tag tag-current' },
  superseded: { key: 'plans.status.superseded', className: 'tag tag-expired' },
};

export function PlanStatus({ status }: { status: TPlanSummary['status'] }) {
  const { t } = useI18n();
  return <span className={STATUS[status].className}>{t(STATUS[status].key)}</span>;
}

/** "Số 10/KH-UBND ngày 20/05/2026 · Tỉnh Mẫu · 2026–2030". */
export function PlanMeta({ plan }: { plan: TPlanSummary }) {
  const { t } = useI18n();
  const number = plan.numberSymbol
    ? plan.issueDate
      ? t('plans.numberDate', { number: plan.numberSymbol, date: formatDateVi(plan.issueDate) })
      : t('plans.number', { number: plan.numberSymbol })
    : t('plans.noNumber');
  return (
    <>
      {number} · {plan.unitName} · {periodText(plan)}
    </>
  );
}
