import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { withNext } from "../../../lib/safe-next";
import type { ClaimProblem } from "./claim-problem";

/** A claim link that cannot be used explains itself and offers to log in or to sign up without it. */
export function ClaimLinkProblem({ problem }: { problem: ClaimProblem }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = searchParams.get("next");
  return (
    <div className="claim-problem" data-testid="claim-link-problem" data-reason={problem}>
      <h2>{t("claim.problemTitle")}</h2>
      <p className="claim-problem-reason" role="alert">
        {t(`claim.${problem}`)}
      </p>
      <p className="muted">{t(`claim.${problem}Hint`)}</p>
      <div className="claim-problem-actions">
        {/* Someone holding a ticket link most likely wants to see their tickets after logging in. */}
        <Link to={withNext("/login", next ?? "/my-tickets")} className="button button-primary">
          {t("claim.login")}
        </Link>
        <Link to={withNext("/signup", next)} className="button button-secondary">
          {t("claim.signupWithout")}
        </Link>
      </div>
    </div>
  );
}
