/** `staff` check tickets in at the door; `admin` also run the platform (the operator console). */
export const ROLES = ["customer", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];
