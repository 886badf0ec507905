import { useMutation } from "@tanstack/react-query";
import { attendeesCsv } from "../../../lib/api/services/admin";

/** A file name from the event's name: letters and digits of any script, the rest as dashes. */
export function csvFileName(eventName: string): string {
  const slug = eventName
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `attendees-${slug || "event"}.csv`;
}

/**
 * Fetches the attendees CSV with the operator's token and saves it as a file. A byte order mark goes in
 * front: spreadsheet programs read the file as UTF-8 only with it, and names are often Arabic.
 */
export function useDownloadAttendees(eventId: string, eventName: string) {
  return useMutation({
    mutationFn: () => attendeesCsv(eventId),
    onSuccess: (csv) => {
      const url = URL.createObjectURL(new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = csvFileName(eventName);
      document.body.append(link);
      link.click();
      link.remove();
      // After the click has handed the file to the browser.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}
