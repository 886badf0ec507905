import type { AdminEvent } from "@ticketrunners/shared";
import { useOutletContext } from "react-router";

/** The event an event tab is about, as `AdminEventPage` loaded it. */
export const useTabEvent = () => useOutletContext<AdminEvent>();
