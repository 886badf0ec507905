// The seed's name for the My Tickets tabs (owned and sent); they live in features/my-tickets/.
export { MyTicketsTabs as ProfileBookingsTab } from "../features/my-tickets/MyTicketsTabs";
