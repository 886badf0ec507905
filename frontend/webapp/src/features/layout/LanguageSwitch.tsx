import { useTranslation } from "react-i18next";
import { currentLocale, setLocale } from "../../i18n";

/** Offers the other language, named in that language so its readers recognise it. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const other = currentLocale() === "ar" ? "en" : "ar";
  return (
    <button
      type="button"
      className="button button-ghost language-switch"
      lang={other}
      title={t("language.label")}
      onClick={() => setLocale(other)}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path
          d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        />
      </svg>
      {t(`language.${other}`)}
    </button>
  );
}
