// The My Tickets tabs (owned and sent) under their long-standing name; they live in features/my-tickets/.
export { MyTicketsTabs as ProfileBookingsTab } from "../features/my-tickets/MyTicketsTabs";
