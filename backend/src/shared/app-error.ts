import type { ApiErrorBody, ErrorCode } from "@ticketrunners/shared";

/** The one error type use cases throw; the error handler turns it into `{"error":{code,message}}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    message: string,
    readonly details?: ApiErrorBody["error"]["details"],
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** The body of every error answer; `code` is one of ErrorCode, so a new code is a change to shared. */
export const errorBody = (
  code: ErrorCode,
  message: string,
  details?: ApiErrorBody["error"]["details"],
): ApiErrorBody => ({
  error: { code, message, ...(details ? { details } : {}) },
});
