import { useSearchParams } from "react-router";
import { ClaimSignup } from "./ClaimSignup";
import { SignupSteps } from "./SignupSteps";

/**
 * Signup. Opened from a ticket's claim link (`/signup?token=…`, texted to someone a ticket was bought
 * for), it first checks the link: a usable one pre-fills and locks the mobile number it was sent to and
 * says which event the ticket is for; an expired, used or unknown one explains itself and offers to log
 * in or to sign up without it. With or without a link, every ticket waiting for the number joins the
 * new account as it is created: the server links them by the verified number, and the token only marks
 * the link used.
 */
export function SignupForm() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token");
  if (token !== null) return <ClaimSignup token={token.trim()} />;
  return <SignupSteps />;
}
