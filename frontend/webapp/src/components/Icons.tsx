import type { ReactNode } from "react";

/** Small inline icons; decorative, so hidden from screen readers (the text next to them says it). */

/** The 24-unit line icons are drawn in the text's colour, unfilled. */
const outline = { fill: "none", stroke: "currentColor", strokeWidth: "1.8" } as const;

function LineIcon({ size, children }: { size: number; children: ReactNode }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
      {children}
    </svg>
  );
}

export function LockIcon() {
  return (
    <LineIcon size={18}>
      <rect x="5" y="10.5" width="14" height="10" rx="2" {...outline} />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" {...outline} />
    </LineIcon>
  );
}

export function TicketIcon({ className = "icon" }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 48 48" aria-hidden="true">
      <path
        d="M8 14h32v7a3 3 0 0 0 0 6v7H8v-7a3 3 0 0 0 0-6z"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinejoin="round"
      />
      <path d="M30 14v20" stroke="currentColor" strokeWidth="2.5" strokeDasharray="3 3" />
    </svg>
  );
}

export function CalendarIcon() {
  return (
    <LineIcon size={16}>
      <rect x="3.5" y="5" width="17" height="15" rx="2" {...outline} />
      <path d="M3.5 10h17M8 3v4M16 3v4" {...outline} />
    </LineIcon>
  );
}

export function PinIcon() {
  return (
    <LineIcon size={16}>
      <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" {...outline} />
      <circle cx="12" cy="9.5" r="2.5" {...outline} />
    </LineIcon>
  );
}
