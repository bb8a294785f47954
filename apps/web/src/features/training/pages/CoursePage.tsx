import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { COURSE_LEVELS, ROSTER_KINDS, foldVi, formatDateVi, type TCourseDetail, type TRosterPerson } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { FormErrors } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { labelOf } from '../../outreach/components/OutreachBits';
import { canEditTraining } from '../../outreach/permissions';
import { fetchCourse, fetchPeople, fileUrl, setAttendance, uploadCertificate } from '../api';

/** The API's largest page; the attendance request takes at most 2,000 people, so ten pages are all one can need. */
const ROSTER_PAGE = 200;
const ROSTER_PAGES = 10;

/** Everyone on the roster of the user's area today, for choosing attendees. */
async function wholeRoster(signal: AbortSignal): Promise<TRosterPerson[]> {
  const people: TRosterPerson[] = [];
  for (let page = 1; page <= ROSTER_PAGES; page++) {
    const res = await fetchPeople({ current: 'true', page, pageSize: ROSTER_PAGE }, signal);
    people.push(...res.items);
    if (people.length >= res.total || res.items.length === 0) break;
  }
  return people;
}

type Attendance = Map<number, { completed: boolean }>;
const attendanceOf = (course: TCourseDetail): Attendance => new Map(course.attendees.map((a) => [a.personId, { completed: a.completed }]));

/** A course: its facts, who of the area attended and completed it (chosen from the roster), and their certificates. */
export function CoursePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const id = Number(useParams().id);
  const justCreated = (useLocation().state as { created?: boolean } | null)?.created === true;
  const course = useResource((signal) => fetchCourse(id, signal), [id]);
  const canEdit = canEditTraining(me.role);
  const [saved, setSaved] = useState(false);

  if (course.error) return <ErrorNotice error={course.error} onRetry={course.reload} />;
  if (!course.data) return <Loading />;
  const c = course.data;

  return (
    <>
      <PageHeader
        before={
          <nav aria-label={t('training.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/training/courses">{t('training.courses')}</Link>
              </li>
            </ol>
          </nav>
        }
        title={c.title}
        subtitle={c.unit.name}
      />
      {justCreated && !saved && (
        <SuccessNotice>
          <p>{t('training.course.created')}</p>
        </SuccessNotice>
      )}
      {saved && (
        <SuccessNotice>
          <p>{t('training.course.saved')}</p>
        </SuccessNotice>
      )}
      <dl className="pairs">
        <dt>{t('training.course.dates')}</dt>
        <dd>{c.startsOn === c.endsOn ? formatDateVi(c.startsOn) : `${formatDateVi(c.startsOn)} – ${formatDateVi(c.endsOn)}`}</dd>
        <dt>{t('training.courses.level')}</dt>
        <dd>{labelOf(COURSE_LEVELS, c.level, locale)}</dd>
        <dt>{t('training.course.organiser')}</dt>
        <dd>{c.organiser}</dd>
        {c.topics.length > 0 && (
          <>
            <dt>{t('training.course.topics')}</dt>
            <dd>
              <ul className="plain">
                {c.topics.map((topic, i) => (
                  <li key={i}>{topic}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {c.note && (
          <>
            <dt>{t('training.course.note')}</dt>
            <dd className="pre-line">{c.note}</dd>
          </>
        )}
      </dl>
      <h2>{t('training.course.attendees', { attended: c.attendeesCount, completed: c.completedCount })}</h2>
      {c.attendees.length === 0 && <p>{t('training.course.noAttendees')}</p>}
      {c.attendees.length > 0 && (
        <ul className="item-list" aria-label={t('training.course.attendeeList')}>
          {c.attendees.map((a) => (
            <li key={a.personId} className="item" data-testid="attendee">
              <div className="item-main">
                <p className="item-title">{a.fullName}</p>
                <p className="item-meta muted small">
                  {labelOf(ROSTER_KINDS, a.kind, locale)} · {a.agency} · {a.unit.name}
                </p>
                {a.certificate && (
                  <p className="item-meta small">
                    <a href={fileUrl(a.certificate.fileId)} target="_blank" rel="noreferrer">
                      {t('training.course.certificate', { name: a.certificate.name })}
                    </a>
                  </p>
                )}
                {canEdit && <CertificateUpload courseId={c.id} personId={a.personId} onDone={course.reload} />}
              </div>
              <div className="item-actions">
                <span className={a.completed ? 'tag tag-current' : 'tag tag-warning'}>{a.completed ? t('training.course.completed') : t('training.course.notCompleted')}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <AttendanceForm
          course={c}
          onSaved={() => {
            setSaved(true);
            course.reload();
          }}
        />
      )}
    </>
  );
}

/** Ticks on the roster: who attended, and of them who did not complete the course. Saves the whole list at once. */
function AttendanceForm({ course, onSaved }: { course: TCourseDetail; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const roster = useResource((signal) => wholeRoster(signal), []);
  const form = useSubmit();
  const [chosen, setChosen] = useState<Attendance>(() => attendanceOf(course));
  const [filter, setFilter] = useState('');
  useEffect(() => setChosen(attendanceOf(course)), [course]);

  // People who attended but have since left the roster still belong on the list.
  const people = [
    ...(roster.data ?? []),
    ...course.attendees
      .filter((a) => !(roster.data ?? []).some((p) => p.id === a.personId))
      .map((a) => ({ id: a.personId, fullName: a.fullName, kind: a.kind, agency: a.agency, unit: a.unit })),
  ];
  const folded = foldVi(filter.trim());
  const shown = folded ? people.filter((p) => foldVi(`${p.fullName} ${p.agency} ${p.unit.name}`).includes(folded)) : people;

  const toggle = (personId: number, attended: boolean) => {
    const next = new Map(chosen);
    if (attended) next.set(personId, { completed: true });
    else next.delete(personId);
    setChosen(next);
  };
  const setCompleted = (personId: number, completed: boolean) => setChosen(new Map(chosen).set(personId, { completed }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await setAttendance(course.id, { attendees: [...chosen].map(([personId, a]) => ({ personId, completed: a.completed })) });
      onSaved();
    });
  };

  return (
    <section className="section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('training.course.attendanceTitle')}</h2>
      <p className="hint">{t('training.course.attendanceHint')}</p>
      {roster.error && <ErrorNotice error={roster.error} onRetry={roster.reload} />}
      {roster.loading && !roster.data && <Loading />}
      {roster.data && (
        <form onSubmit={onSubmit} noValidate className="form form-wide">
          <FormErrors failure={form.failure} />
          {people.length === 0 ? (
            <p>
              {t('training.course.emptyRoster')} <Link to="/training">{t('training.roster')}</Link>
            </p>
          ) : (
            <>
              {people.length > 8 && (
                <div className="field">
                  <label htmlFor="attendance-filter">{t('training.course.find')}</label>
                  <input id="attendance-filter" type="search" autoComplete="off" value={filter} onChange={(e) => setFilter(e.target.value)} />
                </div>
              )}
              <ul className="attendance-list">
                {shown.map((p) => {
                  const a = chosen.get(p.id);
                  return (
                    <li key={p.id}>
                      <label className="attendance-person">
                        <input type="checkbox" checked={Boolean(a)} onChange={(e) => toggle(p.id, e.target.checked)} />
                        <span>
                          <span className="strong">{p.fullName}</span>{' '}
                          <span className="muted small">
                            {labelOf(ROSTER_KINDS, p.kind, locale)} · {p.agency} · {p.unit.name}
                          </span>
                        </span>
                      </label>
                      {a && (
                        <label className="attendance-completed">
                          <input type="checkbox" checked={a.completed} onChange={(e) => setCompleted(p.id, e.target.checked)} />
                          <span>
                            {t('training.course.completedFor')}
                            <span className="sr-only"> {p.fullName}</span>
                          </span>
                        </label>
                      )}
                    </li>
                  );
                })}
              </ul>
              <p className="muted" role="status">
                {t('training.course.chosen', { count: chosen.size })}
              </p>
            </>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={form.busy}>
              {t('training.course.saveAttendance')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** A certificate (scan, photo or PDF) of one attendee. */
function CertificateUpload({ courseId, personId, onDone }: { courseId: number; personId: number; onDone: () => void }) {
  const { t } = useI18n();
  const upload = useSubmit();
  const [file, setFile] = useState<File | null>(null);
  const inputId = `certificate-${personId}`;
  return (
    <div className="certificate-upload">
      <label htmlFor={inputId} className="small">
        {t('training.course.certificateFile')}
      </label>
      <input id={inputId} type="file" accept=".pdf,.jpg,.jpeg,.png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button
        type="button"
        className="button button-small"
        disabled={!file || upload.busy}
        onClick={() =>
          void upload.run(async () => {
            if (!file) return;
            await uploadCertificate(courseId, personId, file);
            onDone();
          })
        }
      >
        {t('training.course.upload')}
      </button>
      {upload.failure && <p className="field-error">{upload.failure.message}</p>}
    </div>
  );
}
