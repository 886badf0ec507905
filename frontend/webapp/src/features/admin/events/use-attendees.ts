import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listAttendees } from "../../../lib/api/services/admin";
import { adminEventQueryKey } from "./use-admin-event";

export const attendeesQueryKey = (eventId: string) => [...adminEventQueryKey(eventId), "attendees"] as const;

export const ATTENDEES_PAGE_SIZE = 25;

/** A page of the event's tickets and their holders, searched by ticket number, name or number. */
export function useAttendees(eventId: string, q: string, page: number) {
  const offset = (page - 1) * ATTENDEES_PAGE_SIZE;
  return useQuery({
    queryKey: [...attendeesQueryKey(eventId), { q, offset }],
    queryFn: ({ signal }) => listAttendees(eventId, { q, limit: ATTENDEES_PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });
}
