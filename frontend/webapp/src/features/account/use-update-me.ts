import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateMe } from "../../lib/api/services/auth";
import { sessionStore } from "../../lib/session-store";
import { meQueryKey } from "../session/use-me";

/** Saves name, email and message language; the session's copy of the user and the me query follow. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => {
      sessionStore.setUser(user);
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
