import type { ErrorCode } from "@ticketrunners/shared";

/** The one error type use cases throw; the error handler turns it into `{"error":{code,message}}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}
