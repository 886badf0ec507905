/** The audit log's actions that have words; another action shows as the server names it. */
export const AUDIT_ACTIONS = [
  "event.created",
  "event.updated",
  "event.published",
  "event.unpublished",
  "category.created",
  "category.updated",
  "customer.banned",
  "customer.unbanned",
  "customer.role_changed",
  "notification.retried",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (action: string): action is AuditAction => AUDIT_ACTIONS.some((a) => a === action);

/** `event.created` → the key of its words, `admin.audit.action_event_created`. */
export const auditActionKey = (action: AuditAction) => `admin.audit.action_${action.replaceAll(".", "_")}` as const;

/**
 * A before or after value as one line of JSON, or undefined when there is none. The log records whole
 * small objects (an event's fields, a customer's status and role), so one line stays readable.
 */
export function compactJson(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Only the fields that changed, when both sides are objects: what the eye looks for in an update. */
export function changedFields(before: unknown, after: unknown): { before: unknown; after: unknown } {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) return { before, after };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (keys.length === 0) return { before, after };
  return {
    before: Object.fromEntries(keys.filter((k) => k in before).map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.filter((k) => k in after).map((k) => [k, after[k]])),
  };
}
