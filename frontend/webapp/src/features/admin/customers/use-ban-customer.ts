import { useMutation, useQueryClient } from "@tanstack/react-query";
import { setCustomerBanned } from "../../../lib/api/services/admin";
import { auditQueryKey } from "../audit/use-audit";
import { customersQueryKey } from "./use-customers";

/** Bans (their sessions end at once) or unbans a customer; an operator cannot ban themselves (409). */
export function useBanCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (banned: boolean) => setCustomerBanned(customerId, banned),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customersQueryKey });
      void queryClient.invalidateQueries({ queryKey: auditQueryKey });
    },
  });
}
