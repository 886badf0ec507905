import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { adminNotificationSchema } from "@ticketrunners/shared";
import type { z } from "zod";
import { listNotifications, type NotificationsQuery } from "../../../lib/api/services/admin";
import { adminQueryKey } from "../admin-query-key";

export const notificationsQueryKey = [...adminQueryKey, "notifications"] as const;

export const NOTIFICATIONS_PAGE_SIZE = 25;

export type NotificationFilters = Omit<NotificationsQuery, "limit" | "before">;

/** A page of the outbox ledger, newest first, older than `before` (a message's created_at). */
export function useNotifications(filters: NotificationFilters, before: string | undefined) {
  return useQuery({
    queryKey: [...notificationsQueryKey, { ...filters, before }],
    queryFn: ({ signal }) => listNotifications({ ...filters, limit: NOTIFICATIONS_PAGE_SIZE, before }, signal),
    placeholderData: keepPreviousData,
    select: (answer) => answer.notifications,
  });
}

/** One ledger row as the client hands it on: its times parsed into Dates. */
export type LedgerMessage = z.output<typeof adminNotificationSchema>;
