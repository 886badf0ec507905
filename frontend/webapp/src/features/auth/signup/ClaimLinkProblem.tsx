import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { withNext } from "../../../lib/safe-next";
import type { ClaimProblem } from "./claim-problem";

/**
 * A claim link that cannot be used explains itself. An expired or spent one (resent, changed to another
 * number, or used) still leaves the number able to sign up: signing up verifies it, and every ticket
 * waiting for it joins the account, so that is offered first. Any link also offers to log in.
 */
export function ClaimLinkProblem({ problem }: { problem: ClaimProblem }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = searchParams.get("next");
  const spent = problem === "expired" || problem === "used";
  // Someone holding a ticket link most likely wants to see their tickets after logging in.
  const login = (
    <Link
      to={withNext("/login", next ?? "/my-tickets")}
      className={`button ${spent ? "button-secondary" : "button-primary"}`}
    >
      {t("claim.login")}
    </Link>
  );
  return (
    <div className="claim-problem" data-testid="claim-link-problem" data-reason={problem}>
      <h2>{t("claim.problemTitle")}</h2>
      <p className="claim-problem-reason" role="alert">
        {t(`claim.${problem}`)}
      </p>
      <p className="muted">{t(`claim.${problem}Hint`)}</p>
      {spent && <p data-testid="claim-still-sign-up">{t("claim.stillSignUp")}</p>}
      <div className="claim-problem-actions">
        {spent ? (
          <>
            <Link to={withNext("/signup", next)} className="button button-primary">
              {t("claim.signupWithNumber")}
            </Link>
            {login}
          </>
        ) : (
          <>
            {login}
            <Link to={withNext("/signup", next)} className="button button-secondary">
              {t("claim.signupWithout")}
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
