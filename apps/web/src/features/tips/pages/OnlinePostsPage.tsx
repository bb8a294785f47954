import { useState, type FormEvent } from 'react';
import { TAKEDOWN_RESULTS, UNIT_TYPES, ZOnlinePostRequest, ZOnlinePostUpdate, formatDateVi, type TFieldError, type TUnitRef } from '@pcmd/contracts';
import { useI18n } from '../../../app/i18n';
import { DateField, FieldShell, FormErrors, TextAreaField, TextField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { ErrorNotice, Loading, SuccessNotice } from '../../../components/Status';
import { missingField, parseInput, readDate, useSubmit } from '../../../lib/forms';
import { useResource } from '../../../lib/use-resource';
import { useMe } from '../../auth/session';
import { fileUrl } from '../../tasks/api';
import { UnitPicker } from '../../units/components/UnitPicker';
import { fetchOnlinePosts, logOnlinePost, updateOnlinePost, type TOnlinePost } from '../api';
import { TipsNav } from '../components/TipsNav';
import { CodeSelect, labelOf } from '../components/TipBits';
import { canHandleTips } from '../permissions';

/** Posts and accounts found brokering online, with their evidence and the takedown requested of each platform. */
export function OnlinePostsPage() {
  const { t } = useI18n();
  const me = useMe();
  const posts = useResource((signal) => fetchOnlinePosts(signal), []);
  const editable = canHandleTips(me.role);
  return (
    <>
      <PageHeader title={t('posts.title')} subtitle={t('posts.intro')} />
      <TipsNav />
      {posts.error && <ErrorNotice error={posts.error} onRetry={posts.reload} />}
      {posts.loading && !posts.data && <Loading />}
      {posts.data && (
        <>
          {posts.data.items.length === 0 && <p>{t('posts.none')}</p>}
          <ul className="item-list">
            {posts.data.items.map((post) => (
              <PostItem key={post.id} post={post} editable={editable} onSaved={posts.reload} />
            ))}
          </ul>
        </>
      )}
      {editable && <PostForm onSaved={posts.reload} />}
    </>
  );
}

function PostItem({ post, editable, onSaved }: { post: TOnlinePost; editable: boolean; onSaved: () => void }) {
  const { t, locale, field } = useI18n();
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          {post.platform} · <span className="break-all">{post.url}</span>
        </p>
        <p className="item-meta">
          <span className="item-facts">
            <span>
              {field('foundOn')}: {formatDateVi(post.foundOn)}
            </span>
            {post.takedownSentOn && (
              <span>
                {t('posts.sent', { date: formatDateVi(post.takedownSentOn), to: post.takedownSentTo ?? '' })}
              </span>
            )}
            {post.removedOn && (
              <span>
                {field('removedOn')}: {formatDateVi(post.removedOn)}
              </span>
            )}
          </span>
        </p>
        {post.description && <p className="pre-line">{post.description}</p>}
        {post.evidence && (
          <p className="small">
            <a href={fileUrl(post.evidence.fileId)} download>
              {t('posts.evidence')}
            </a>{' '}
            <span className="muted break-all">SHA-256 {post.evidence.sha256}</span>
          </p>
        )}
        {editable && <TakedownForm post={post} onSaved={onSaved} />}
      </div>
      <div className="item-actions">
        <span className={post.takedownResult === 'removed' ? 'tag tag-current' : 'tag'}>{post.takedownResult ? labelOf(TAKEDOWN_RESULTS, post.takedownResult, locale) : t('posts.noRequest')}</span>
      </div>
    </li>
  );
}

function TakedownForm({ post, onSaved }: { post: TOnlinePost; onSaved: () => void }) {
  const { t, field } = useI18n();
  const form = useSubmit();
  const [sentOn, setSentOn] = useState(post.takedownSentOn ? formatDateVi(post.takedownSentOn) : '');
  const [sentTo, setSentTo] = useState(post.takedownSentTo ?? '');
  const [result, setResult] = useState(post.takedownResult ?? '');
  const [removedOn, setRemovedOn] = useState(post.removedOn ? formatDateVi(post.removedOn) : '');
  const prefix = `post-${post.id}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const errors: TFieldError[] = [];
      const input = parseInput(
        ZOnlinePostUpdate,
        {
          takedownSentOn: readDate(sentOn, 'takedownSentOn', errors) ?? null,
          takedownSentTo: sentTo.trim() || null,
          takedownResult: result || null,
          removedOn: readDate(removedOn, 'removedOn', errors) ?? null,
        },
        errors,
      );
      await updateOnlinePost(post.id, input);
      onSaved();
    });
  };

  return (
    <details className="inline-details">
      <summary>{t('posts.takedown')}</summary>
      <form onSubmit={onSubmit} noValidate className="form" aria-label={`${t('posts.takedown')} ${post.url}`} id={prefix}>
        <FormErrors failure={form.failure} />
        <DateField name="takedownSentOn" label={field('takedownSentOn')} value={sentOn} onChange={setSentOn} error={form.errors.takedownSentOn} />
        <TextField name="takedownSentTo" label={field('takedownSentTo')} value={sentTo} onChange={(e) => setSentTo(e.target.value)} error={form.errors.takedownSentTo} />
        <CodeSelect name="takedownResult" labels={TAKEDOWN_RESULTS} value={result} onChange={setResult} error={form.errors.takedownResult} />
        <DateField name="removedOn" label={field('removedOn')} value={removedOn} onChange={setRemovedOn} error={form.errors.removedOn} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

function PostForm({ onSaved }: { onSaved: () => void }) {
  const { t, field } = useI18n();
  const me = useMe();
  const form = useSubmit();
  const [saved, setSaved] = useState(false);
  const [unit, setUnit] = useState<TUnitRef | null>(UNIT_TYPES[me.unit.type].level >= 3 ? me.unit : null);
  const [platform, setPlatform] = useState('');
  const [url, setUrl] = useState('');
  const [foundOn, setFoundOn] = useState(formatDateVi(new Date()));
  const [description, setDescription] = useState('');
  const [evidence, setEvidence] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void form.run(async () => {
      const errors: TFieldError[] = unit ? [] : [missingField('unitId')];
      const input = parseInput(ZOnlinePostRequest, { unitId: unit?.id, platform, url: url.trim(), foundOn: readDate(foundOn, 'foundOn', errors), description }, errors);
      await logOnlinePost(input, evidence);
      setPlatform('');
      setUrl('');
      setDescription('');
      setEvidence(null);
      setFileKey((k) => k + 1);
      setSaved(true);
      onSaved();
    });
  };

  return (
    <section className="section" aria-labelledby="post-form-heading">
      <h2 id="post-form-heading">{t('posts.new')}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors failure={form.failure} />
        {saved && <SuccessNotice>{t('posts.saved')}</SuccessNotice>}
        <UnitPicker name="unitId" label={t('tips.place')} value={unit} onChange={setUnit} error={form.errors.unitId} required />
        <TextField name="platform" label={field('platform')} hint={t('posts.platformHint')} value={platform} onChange={(e) => setPlatform(e.target.value)} error={form.errors.platform} required />
        <TextField name="url" type="url" label={field('url')} value={url} onChange={(e) => setUrl(e.target.value)} error={form.errors.url} required />
        <DateField name="foundOn" label={field('foundOn')} value={foundOn} onChange={setFoundOn} error={form.errors.foundOn} required />
        <TextAreaField name="description" label={field('description')} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} error={form.errors.description} />
        <FieldShell name="evidence" label={t('posts.evidence')} hint={t('posts.evidenceHint')} error={form.errors.evidence}>
          {(control) => <input key={fileKey} type="file" {...control} onChange={(e) => setEvidence(e.target.files?.[0] ?? null)} />}
        </FieldShell>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {t('posts.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
