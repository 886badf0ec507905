import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDocumentTitle } from "../../lib/use-document-title";

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return (
    <section className="page page-centered" aria-labelledby="not-found-title">
      <p className="big-number" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-title">{t("notFound.title")}</h1>
      <p className="lead">{t("notFound.body")}</p>
      <Link to="/" className="button button-primary">
        {t("notFound.home")}
      </Link>
    </section>
  );
}
