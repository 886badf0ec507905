import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@ticketrunners/shared";
import { setCustomerBanned, setCustomerRole } from "../../../lib/api/services/admin";
import { refreshAfterAdminChange } from "../audit/use-audit";
import { customersQueryKey } from "./use-customers";

/** A change to one customer; the list shows it once the server has made it. */
function useCustomerChange<T>(change: (value: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => refreshAfterAdminChange(queryClient, customersQueryKey),
  });
}

/** Bans (their sessions end at once) or unbans a customer; an operator cannot ban themselves (409). */
export const useBanCustomer = (customerId: string) =>
  useCustomerChange((banned: boolean) => setCustomerBanned(customerId, banned));

/** Makes a customer door staff, an operator, or a customer again; never the caller themselves (409). */
export const useSetRole = (customerId: string) => useCustomerChange((role: Role) => setCustomerRole(customerId, role));
