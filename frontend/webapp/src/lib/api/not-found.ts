import { ApiError } from "./client";

/** A malformed id is refused as invalid input (400): to the person asking it is just as missing. */
export const isNotFound = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);
