import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, FIELD_LABELS, parseLocale, setValidationLocaleSource, type TLocale } from '@pcmd/contracts';
import './field-labels';
import { translate, type MessageKey, type MessageParams } from './messages';

const STORAGE_KEY = 'pcmd.locale';

function readStoredLocale(): TLocale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored ? parseLocale(stored) : null;
  } catch {
    return null; // storage can be blocked by browser policy; the default locale still works
  }
}

// Module state, not only React state: the API client and zod read the locale outside components.
let locale: TLocale = readStoredLocale() ?? DEFAULT_LOCALE;

/** The locale the UI shows now. */
export const currentLocale = (): TLocale => locale;

/** Whether the user picked a language on this device (then it wins over the account's saved one). */
export const hasStoredLocale = (): boolean => readStoredLocale() !== null;

setValidationLocaleSource(currentLocale);
document.documentElement.lang = locale;

interface I18n {
  locale: TLocale;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The label of an API field, shared with the server's validation messages ("validTo" → "Hiệu lực đến ngày"). */
  field: (name: keyof typeof FIELD_LABELS) => string;
  /** Switches the UI; `remember` keeps the choice on this device. */
  setLocale: (next: TLocale, remember?: boolean) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<TLocale>(locale);
  const setLocale = useCallback((next: TLocale, remember = true) => {
    locale = next;
    document.documentElement.lang = next;
    if (remember) {
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // not persisted; the choice still holds for this visit
      }
    }
    setCurrent(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale: current,
      setLocale,
      t: (key, params) => translate(current, key, params),
      field: (name) => FIELD_LABELS[name]?.[current] ?? name,
    }),
    [current, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
