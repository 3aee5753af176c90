import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from './i18n';

/** One button that flips between Chinese and English; it names the language it switches to. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const next = currentLanguage(i18n.language) === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className={className ?? 'button button--ghost'}
      data-testid="language-switch"
      lang={next}
      aria-label={t('language.switchLabel')}
      onClick={() => setLanguage(next)}
    >
      {t('language.switchTo')}
    </button>
  );
}
