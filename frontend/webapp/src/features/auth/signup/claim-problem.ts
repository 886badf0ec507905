import { ApiError } from "../../../lib/api/client";

export type ClaimProblem = "expired" | "used" | "invalid";

/** Why a claim link cannot be used, or undefined when the failure says nothing about the link. */
export function claimProblem(error: unknown): ClaimProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case "TOKEN_EXPIRED":
      return "expired";
    case "TOKEN_USED":
      return "used";
    case "TOKEN_NOT_FOUND":
    case "MISSING_TOKEN":
    case "VALIDATION_ERROR":
      return "invalid";
    default:
      return undefined;
  }
}
