/** A plan's official Word file (Decree 30/2020/NĐ-CP format), as the People's Committee issues it. */
import { formatDateVi, formatNumberVi, type TPlan, type TPlanIndicator, type TPlanTask } from '@pcmd/contracts';
import type { FileChild } from 'docx';
import { signatureAuthority } from '../../documents/decree30.js';
import { bodyParagraph, bodyText, renderOfficialDocument, sectionHeading } from '../../documents/official-document.js';

const COMMITTEE = 'ỦY BAN NHÂN DÂN';
/** A draft has no number yet: the clerk writes it in front of the symbol when the plan is issued. */
const DRAFT_NUMBER = '        /KH-UBND';

/** '2026' → 'năm 2026'; '2026H1' → '6 tháng đầu năm 2026'; the whole period '2026-2030' → 'đến năm 2030', as the plans word it. */
function periodLabel(periodKey: string): string {
  const span = /^\d{4}-(\d{4})$/.exec(periodKey);
  if (span) return `đến năm ${span[1]}`;
  const half = /^(\d{4})H1$/.exec(periodKey);
  if (half) return `6 tháng đầu năm ${half[1]}`;
  return `năm ${periodKey}`;
}

/** "trên 95% (đến năm 2030)": every shape but a manual count is a percentage; "at least" and "equal" go without a word, as in the plans. */
function targetText(indicator: TPlanIndicator, target: TPlanIndicator['targets'][number]): string {
  const value = indicator.shape === 'manual' ? formatNumberVi(target.target) : `${formatNumberVi(target.target)}%`;
  const word = indicator.comparator === 'gt' ? 'trên ' : indicator.comparator === 'lte' ? 'không quá ' : '';
  return `${word}${value} (${periodLabel(target.periodKey)})`;
}

const withoutEndPunctuation = (text: string) => text.trim().replace(/[.;,:]+$/, '');

function indicatorPart(indicators: readonly TPlanIndicator[]): FileChild[] {
  return [
    sectionHeading('CHỈ TIÊU'),
    ...indicators.map((i) => {
      const targets = i.targets.map((t) => targetText(i, t)).join('; ');
      return bodyParagraph(`- ${withoutEndPunctuation(i.name)}${targets ? `: ${targets}` : ''}.`);
    }),
  ];
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/** Sections copied from a signed plan usually quote its indicators word for word; listing them again would repeat them. */
function sectionsQuoteIndicators(plan: TPlan): boolean {
  const text = normalized(plan.sections.map((s) => s.body).join('\n'));
  return plan.indicators.every((i) => text.includes(normalized(i.name)));
}

function taskLine(task: TPlanTask): string {
  const parts = [`chủ trì: ${task.leadAgency}`];
  if (task.cooperatingAgencies.length) parts.push(`phối hợp: ${task.cooperatingAgencies.join(', ')}`);
  if (task.deadline) parts.push(`thời hạn: ${formatDateVi(task.deadline)}`);
  return `- ${withoutEndPunctuation(task.title)} (${parts.join('; ')}).`;
}

const taskList = (tasks: readonly TPlanTask[]): FileChild[] =>
  tasks.length ? [bodyParagraph('Nhiệm vụ cụ thể:', { italics: true }), ...tasks.map((t) => bodyParagraph(taskLine(t)))] : [];

/**
 * The body: preamble, then the sections in order with their tasks; the indicators follow the first section unless
 * the sections already quote them; tasks outside any section close the body.
 */
function planBody(plan: TPlan): FileChild[] {
  // A deleted section leaves its tasks without one (on delete set null), so every sectionId is one of the plan's.
  const tasksOf = (sectionId: number | null) => plan.tasks.filter((t) => t.sectionId === sectionId);
  const indicators = plan.indicators.length && !sectionsQuoteIndicators(plan) ? indicatorPart(plan.indicators) : [];
  const body: FileChild[] = [...bodyText(plan.preamble)];
  plan.sections.forEach((section, i) => {
    body.push(sectionHeading(section.heading), ...bodyText(section.body), ...taskList(tasksOf(section.id)));
    if (i === 0) body.push(...indicators);
  });
  if (!plan.sections.length) body.push(...indicators);
  const unsectioned = tasksOf(null);
  if (unsectioned.length) body.push(sectionHeading('NHIỆM VỤ CỤ THỂ'), ...unsectioned.map((t) => bodyParagraph(taskLine(t))));
  return body;
}

export function renderPlanDocument(plan: TPlan): Promise<Buffer> {
  return renderOfficialDocument({
    issuer: [COMMITTEE, plan.unitName.toLocaleUpperCase('vi')],
    numberSymbol: plan.numberSymbol ?? DRAFT_NUMBER,
    placeName: plan.placeName,
    issueDate: plan.issueDate,
    kind: 'KẾ HOẠCH',
    subject: plan.subject,
    body: planBody(plan),
    recipients: plan.recipients,
    signature: { authority: signatureAuthority(COMMITTEE, plan.signingMode, plan.signerTitle), signerName: plan.signerName },
  });
}

/** "ke-hoach-202-KH-UBND.docx": the number and symbol in ASCII, so that every browser and mail client keeps the name. */
export function planDocumentFileName(plan: Pick<TPlan, 'id' | 'numberSymbol'>): string {
  const symbol = (plan.numberSymbol ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return symbol ? `ke-hoach-${symbol}.docx` : `ke-hoach-du-thao-${plan.id}.docx`;
}
