import fc from "fast-check";
import { bodyOf, garbage, mostly, objectOf, Raw } from "./json";
import { freshMobile, invalidMobile, validEmail, validName } from "./people";

/** The events, categories and people a purchase request may name. */
export interface PurchaseTargets {
  eventId: string;
  categoryIds: string[];
  soldOutEventId: string;
  soldOutCategoryId: string;
  pastEventId: string;
  pastCategoryId: string;
  buyer: { e164: string };
  holder: { e164: string };
}

/**
 * Bodies of tickets/book and payments/process: mostly the right event with one or two items, each
 * with one assignee per ticket (the buyer, an existing customer, a new number), otherwise every way a
 * purchase can be wrong (a sold-out or past event, wrong counts, huge lists, garbage).
 */
export function purchaseBodies(w: PurchaseTargets): fc.Arbitrary<unknown> {
  const categoryId = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...w.categoryIds) },
    { weight: 1, arbitrary: fc.constant(w.soldOutCategoryId) },
    { weight: 1, arbitrary: fc.constant(w.pastCategoryId) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: garbage },
  );
  const quantity = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 11, 21, 1.5, 2 ** 31, 2 ** 53 + 2, Number.NaN) },
    { weight: 1, arbitrary: fc.constantFrom("1", "-0", "1e308").map((x) => new Raw(x)) },
    { weight: 1, arbitrary: garbage },
  );
  const assignee = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    {
      weight: 6,
      arbitrary: objectOf({
        name: mostly(validName),
        mobile_number: fc.oneof(
          { weight: 4, arbitrary: freshMobile },
          { weight: 1, arbitrary: fc.constant(w.buyer.e164) },
          { weight: 1, arbitrary: fc.constant(w.holder.e164) },
          { weight: 2, arbitrary: invalidMobile },
        ),
        email: mostly(validEmail, 2),
      }),
    },
    { weight: 1, arbitrary: garbage },
  );
  const item = fc
    .tuple(categoryId, quantity, fc.array(assignee, { maxLength: 4 }), fc.nat(7))
    .chain(([category_id, q, pool, mode]) => {
      // Usually one assignee per ticket (or none), as a real client sends; otherwise a wrong count or garbage.
      const count = typeof q === "number" && Number.isInteger(q) && q >= 0 && q <= 10 ? q : pool.length;
      const matching = Array.from({ length: count }, (_, i) => pool[i % Math.max(pool.length, 1)] ?? null);
      const assignees = mode <= 2 ? undefined : mode <= 5 ? matching : mode === 6 ? pool : undefined;
      return objectOf({
        category_id: fc.constant(category_id),
        quantity: fc.constant(q),
        ...(assignees === undefined ? {} : { assignees: fc.constant(assignees) }),
        ...(mode === 7 ? { assignees: garbage } : {}),
      });
    });
  const items = fc.oneof(
    { weight: 12, arbitrary: fc.array(item, { minLength: 1, maxLength: 2 }) },
    { weight: 1, arbitrary: fc.array(item, { minLength: 0, maxLength: 12 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1_000, max: 10_000 }), fc.constantFrom("0", "{}", "null", '""'))
        .map(([n, x]) => new Raw(`[${Array(n).fill(x).join(",")}]`)),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 11, max: 10_000 })
        .map((n) => Array.from({ length: n }, () => ({ category_id: w.categoryIds[0], quantity: 1 }))),
    },
    { weight: 2, arbitrary: garbage },
  );
  return bodyOf({
    event_id: fc.oneof(
      { weight: 10, arbitrary: fc.constant(w.eventId) },
      { weight: 1, arbitrary: fc.constant(w.soldOutEventId) },
      { weight: 1, arbitrary: fc.constant(w.pastEventId) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: garbage },
    ),
    items,
  });
}
