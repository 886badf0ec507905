import { Trans, useTranslation } from "react-i18next";
import { TicketIcon } from "../../../components/Icons";
import { LoadError } from "../../../components/LoadError";
import { useRegistrationToken } from "../use-registration-token";
import { ClaimLinkProblem } from "./ClaimLinkProblem";
import { claimProblem } from "./claim-problem";
import { SignupSteps } from "./SignupSteps";

/**
 * Signup from a ticket's claim link (`/signup?token=…`): the link is checked first. A usable one locks
 * the mobile number it was sent to and says which event the ticket is for; an unusable one explains itself.
 */
export function ClaimSignup({ token }: { token: string }) {
  const { t } = useTranslation();
  // An empty token is not worth a request: it can only be refused.
  const claim = useRegistrationToken(token === "" ? null : token);

  if (token === "") return <ClaimLinkProblem problem="invalid" />;
  if (claim.isPending) {
    return (
      <p className="page-loading" role="status">
        {t("claim.checking")}
      </p>
    );
  }
  if (claim.isError) {
    const problem = claimProblem(claim.error);
    if (problem) return <ClaimLinkProblem problem={problem} />;
    // Rate-limited, offline or a server hiccup: the link may be fine, so offer to ask again.
    return <LoadError query={claim} message={t("claim.checkFailed")} retryLabel={t("claim.retry")} />;
  }

  const link = claim.data;
  return (
    <>
      <div className="claim-banner" data-testid="claim-banner">
        <TicketIcon className="claim-banner-icon" />
        <div>
          <p className="claim-banner-title">
            <Trans i18nKey="claim.banner" values={{ event: link.event_name }} components={{ n: <bdi /> }} />
          </p>
          <p>
            <Trans
              i18nKey="claim.bannerDetail"
              values={{ purchaser: link.purchaser_name }}
              count={link.ticket_count}
              components={{ n: <bdi /> }}
            />
          </p>
          <p className="claim-banner-hint">{t("claim.bannerHint")}</p>
        </div>
      </div>
      <SignupSteps lockedMobileNumber={link.phone_number} registrationToken={token} />
    </>
  );
}
