/**
 * Cache keys that more than one feature uses: buying and cancelling change what is left of an event, so
 * the checkout feature refreshes the events' queries without importing the events feature.
 */
export const eventsQueryKey = ["events"] as const;
