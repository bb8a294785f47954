import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { COURSE_LEVELS, ZCreateCourseRequest, formatDateVi, formatNumberVi, type TCourse, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FormErrors, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { ErrorNotice, Loading } from '../../../components/Status';
import { missingField, parseInput, readDate, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { UnitPicker } from '../../units/components/UnitPicker';
import { labelOf } from '../../outreach/components/OutreachBits';
import { presetUnit } from '../../outreach/draft';
import { vnToday } from '../../outreach/periods';
import { canEditTraining } from '../../outreach/permissions';
import { createCourse, fetchCourses } from '../api';
import { TrainingNav } from '../components/TrainingNav';

const PAGE_SIZE = 50;

/** "Khóa tập huấn": the courses of the area by year, newest first; a new one goes on to its attendance. */
export function CoursesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(vnToday().slice(0, 4));
  const year = Number(params.get('year')) || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const courses = useResource((signal) => fetchCourses({ year, page, pageSize: PAGE_SIZE }, signal), [year, page]);

  return (
    <>
      <PageHeader title={t('training.title')} subtitle={t('training.courses.intro')} />
      <TrainingNav />
      <div className="filters filters-inline">
        <SelectField name="year" label={t('training.courses.year')} value={year ?? ''} onChange={(e) => setParams(e.target.value ? { year: e.target.value } : {}, { replace: true })}>
          <option value="">{t('common.all')}</option>
          {Array.from({ length: 8 }, (_, k) => thisYear + 1 - k).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      {courses.error && <ErrorNotice error={courses.error} onRetry={courses.reload} />}
      {courses.loading && !courses.data && <Loading />}
      {courses.data && (
        <>
          <p className="muted" role="status">
            {t('training.courses.count', { count: formatNumberVi(courses.data.total) })}
          </p>
          {courses.data.items.length === 0 && <p>{t('training.courses.none')}</p>}
          <ul className="item-list">
            {courses.data.items.map((c) => (
              <CourseItem key={c.id} course={c} />
            ))}
          </ul>
          <Pager page={courses.data.page} pageSize={courses.data.pageSize} total={courses.data.total} onPage={(n) => setParams((p) => (p.set('page', String(n)), p))} />
        </>
      )}
      {canEditTraining(me.role) && <CourseForm />}
    </>
  );
}

function CourseItem({ course: c }: { course: TCourse }) {
  const { t, locale } = useI18n();
  return (
    <li className="item">
      <div className="item-main">
        <Link className="item-title" to={`/training/courses/${c.id}`}>
          {c.title}
        </Link>
        <p className="item-meta">
          <span className="item-facts">
            <span>{c.startsOn === c.endsOn ? formatDateVi(c.startsOn) : `${formatDateVi(c.startsOn)} – ${formatDateVi(c.endsOn)}`}</span>
            <span>{labelOf(COURSE_LEVELS, c.level, locale)}</span>
            <span>{c.organiser}</span>
          </span>
        </p>
        <p className="item-meta muted small">{c.unit.name}</p>
      </div>
      <div className="item-actions">
        <span className="tag">{t('training.courses.attendance', { attended: c.attendeesCount, completed: c.completedCount })}</span>
      </div>
    </li>
  );
}

function CourseForm() {
  const { t, field, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const form = useSubmit();
  const today = formatDateVi(vnToday());
  const [d, setD] = useState({ unit: presetUnit(me) as TUnitRef | null, title: '', organiser: me.agency ?? '', level: 'commune', startsOn: today, endsOn: today, topics: '', note: '' });
  const set = <K extends keyof typeof d>(key: K, value: (typeof d)[K]) => setD({ ...d, [key]: value });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = d.unit ? [] : [missingField('unitId')];
      const input = parseInput(
        ZCreateCourseRequest,
        {
          unitId: d.unit?.id,
          title: d.title,
          organiser: d.organiser,
          level: d.level,
          startsOn: readDate(d.startsOn, 'startsOn', errors),
          endsOn: readDate(d.endsOn, 'endsOn', errors),
          // One topic a line, as they are listed on an invitation.
          topics: d.topics
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
          note: d.note,
        },
        errors,
      );
      const course = await createCourse(input);
      navigate(`/training/courses/${course.id}`, { state: { created: true } });
    });
  };

  return (
    <section className="section" aria-labelledby="course-new">
      <h2 id="course-new">{t('training.courses.new')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        <TextAreaField name="title" label={t('training.courses.titleLabel')} rows={2} value={d.title} onChange={(e) => set('title', e.target.value)} error={form.errors.title} required />
        <TextField name="organiser" label={field('organiser')} value={d.organiser} onChange={(e) => set('organiser', e.target.value)} error={form.errors.organiser} required />
        <SelectField name="level" label={t('training.courses.level')} value={d.level} onChange={(e) => set('level', e.target.value)} error={form.errors.level} required>
          {Object.entries(COURSE_LEVELS).map(([code, label]) => (
            <option key={code} value={code}>
              {label[locale]}
            </option>
          ))}
        </SelectField>
        <UnitPicker name="unitId" label={t('training.courses.unit')} hint={t('training.courses.unitHint')} value={d.unit} onChange={(u) => set('unit', u)} error={form.errors.unitId} required />
        <div className="field-row">
          <DateField name="startsOn" label={field('startsOn')} value={d.startsOn} onChange={(v) => set('startsOn', v)} error={form.errors.startsOn} required />
          <DateField name="endsOn" label={field('endsOn')} value={d.endsOn} onChange={(v) => set('endsOn', v)} error={form.errors.endsOn} required />
        </div>
        <TextAreaField name="topics" label={field('topics')} hint={t('training.courses.topicsHint')} rows={3} value={d.topics} onChange={(e) => set('topics', e.target.value)} error={form.errors.topics} />
        <TextAreaField name="note" label={field('note')} rows={2} value={d.note} onChange={(e) => set('note', e.target.value)} error={form.errors.note} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('training.courses.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
