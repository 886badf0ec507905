// One formatting module for the webapp, the emails and the SMS: it lives in shared so both sides read
// money and event times the same way (en-EG / ar-EG, event times in the venue's zone).
export {
  DEFAULT_TIME_ZONE,
  formatEventDate,
  formatEventDateLong,
  formatMoney,
  formatTimeOfDay,
} from "@ticketrunners/shared";
