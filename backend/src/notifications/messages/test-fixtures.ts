/** The event and tickets the email tests write about. */
export const JAZZ_NIGHT = {
  name: "Cairo Jazz Night",
  venue: "Cairo Opera House",
  startsAt: new Date("2027-02-14T18:00:00Z"),
};

/** `n` VIP tickets numbered TR-0000-0000 upwards. */
export const vipTickets = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ ticketNumber: `TR-0000-${String(i).padStart(4, "0")}`, categoryName: "VIP" }));
