import { useQuery } from "@tanstack/react-query";
import { validateRegistrationToken } from "../../lib/api/services/auth";

export const registrationTokenQueryKey = (token: string) => ["registration-token", token] as const;

/**
 * What a claim link is for. Reading it has no side effects, so it is an ordinary query; an unusable
 * link (expired, used, unknown) is a 4xx the app does not retry.
 */
export function useRegistrationToken(token: string | null) {
  return useQuery({
    queryKey: registrationTokenQueryKey(token ?? ""),
    queryFn: ({ signal }) => validateRegistrationToken(token ?? "", signal),
    enabled: token !== null,
    // The person is filling in the form: the answer must not change under them.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}
