import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listCustomers } from "../../../lib/api/services/admin";
import { adminQueryKey } from "../admin-query-key";

export const customersQueryKey = [...adminQueryKey, "customers"] as const;

export const CUSTOMERS_PAGE_SIZE = 25;

/** A page of customers, newest first, matching part of a name or a number; `before` from the page before. */
export function useCustomers(q: string, before: string | undefined) {
  return useQuery({
    queryKey: [...customersQueryKey, { q, before }],
    queryFn: ({ signal }) => listCustomers({ q, limit: CUSTOMERS_PAGE_SIZE, before }, signal),
    placeholderData: keepPreviousData,
  });
}
