import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { PageLoading } from "../../components/PageLoading";
import { withNext } from "../../lib/safe-next";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useMyTickets } from "../my-tickets/use-my-tickets";
import { useSession } from "../session/use-session";
import { SignupForm } from "./signup/SignupForm";
import { useNextPath } from "./use-next-path";

export function SignupPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  // Opened from a ticket's claim link: SignupForm checks the link and locks the number.
  const claiming = searchParams.has("token");
  const title = claiming ? t("claim.title") : t("signup.title");
  useDocumentTitle(title);
  const { isSignedIn } = useSession();
  const { raw, next } = useNextPath();

  // Also where a finished signup lands: signing in re-renders this page.
  if (isSignedIn) return <AfterSignup next={raw ? next : null} claiming={claiming} />;

  return (
    <section className="auth-card" aria-labelledby="signup-title">
      <h1 id="signup-title">{title}</h1>
      {!claiming && <p className="lead">{t("signup.lead")}</p>}
      <SignupForm />
      {!claiming && (
        <p className="auth-switch">
          {t("signup.haveAccount")} <Link to={withNext("/login", raw)}>{t("signup.loginLink")}</Link>
        </p>
      )}
    </section>
  );
}

/**
 * Where a new account goes: the page that sent the person to sign up, if any; else My Tickets when the
 * account already holds tickets (a claim link, or tickets that were waiting for the number); else home.
 */
function AfterSignup({ next, claiming }: { next: string | null; claiming: boolean }) {
  const tickets = useMyTickets({ enabled: next === null && !claiming });
  if (next !== null) return <Navigate to={next} replace />;
  if (claiming) return <Navigate to="/my-tickets" replace />;
  if (tickets.isPending) return <PageLoading />;
  return <Navigate to={tickets.data?.owned.length ? "/my-tickets" : "/"} replace />;
}
