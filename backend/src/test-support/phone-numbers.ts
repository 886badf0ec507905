import { randomInt } from "node:crypto";

/** One Egyptian mobile number in the three forms the tests type and read it in. */
export interface MobileNumber {
  /** As typed in Egypt: `010…`. */
  local: string;
  /** As typed from abroad: `+20 10 1234 5678`. */
  international: string;
  /** As the server stores it: `+2010…`. */
  e164: string;
}

// Handed out in sequence from a random start: no two calls in a process return the same number, and
// two processes (test files, the servers a suite starts) are unlikely to meet.
let next = randomInt(0, 100_000_000);

/**
 * A valid Egyptian mobile number that no other call in this process returns: the one phone-number
 * generator of the unit, fault, benchmark and browser suites. Only `node:crypto`, so any of them can import it.
 */
export function uniqueMobile(): MobileNumber {
  next = (next + 1) % 100_000_000;
  const subscriber = String(next).padStart(8, "0");
  return {
    local: `010${subscriber}`,
    international: `+20 10 ${subscriber.slice(0, 4)} ${subscriber.slice(4)}`,
    e164: `+2010${subscriber}`,
  };
}
