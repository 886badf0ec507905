/** The prefix of every operator-console query: what an operator sees is dropped with the session. */
export const adminQueryKey = ["admin"] as const;
