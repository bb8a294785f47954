import { useI18n } from '../../../app/i18n';
import { saveLocale } from '../api';
import { useSession } from '../session';

/** One button naming the other language in that language ("English" / "Tiếng Việt"), as bilingual sites do. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const { me } = useSession();
  const next = locale === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="button button-quiet lang-switch"
      lang={next}
      onClick={() => {
        setLocale(next);
        // Saved on the account too, for messages the server sends later; this device already remembers the choice.
        if (me) saveLocale(next).catch(() => undefined);
      }}
    >
      {t('language.other')}
    </button>
  );
}
