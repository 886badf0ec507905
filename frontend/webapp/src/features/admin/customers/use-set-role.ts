import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@ticketrunners/shared";
import { setCustomerRole } from "../../../lib/api/services/admin";
import { auditQueryKey } from "../audit/use-audit";
import { customersQueryKey } from "./use-customers";

/** Makes a customer door staff, an operator, or a customer again; never the caller themselves (409). */
export function useSetRole(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (role: Role) => setCustomerRole(customerId, role),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customersQueryKey });
      void queryClient.invalidateQueries({ queryKey: auditQueryKey });
    },
  });
}
