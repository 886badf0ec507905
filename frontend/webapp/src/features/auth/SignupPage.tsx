import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { SignupForm } from "../../components/SignupForm";
import { withNext } from "../../lib/safe-next";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useSession } from "../session/use-session";
import { useNextPath } from "./use-next-path";

export function SignupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("signup.title"));
  const { isSignedIn } = useSession();
  const { raw, next } = useNextPath();

  // Also where a finished signup lands: signing in re-renders this page.
  if (isSignedIn) return <Navigate to={next} replace />;

  return (
    <section className="auth-card" aria-labelledby="signup-title">
      <h1 id="signup-title">{t("signup.title")}</h1>
      <p className="lead">{t("signup.lead")}</p>
      <SignupForm />
      <p className="auth-switch">
        {t("signup.haveAccount")} <Link to={withNext("/login", raw)}>{t("signup.loginLink")}</Link>
      </p>
    </section>
  );
}
