import { openCheckoutSummarySchema } from "@ticketrunners/shared";
import { useEffect, useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { z } from "zod";
import { Alert } from "../../components/Alert";
import { RecipientContactFields } from "../../components/RecipientContactFields";
import { ResultCard } from "../../components/ResultCard";
import { SubmitButton } from "../../components/SubmitButton";
import { PHONE_REGION } from "../../lib/account-schemas";
import { ApiError } from "../../lib/api/client";
import type {
  BookResponse,
  EventView,
  OpenCheckoutSummary,
  PurchaseRequest,
  TicketCategoryView,
} from "../../lib/api/types";
import { apiErrorMessage, fieldErrorMessage } from "../../lib/error-messages";
import { formatMoney } from "../../lib/format";
import { withNext } from "../../lib/safe-next";
import { useLocale } from "../../lib/use-locale";
import { OpenCheckouts } from "../checkout/OpenCheckouts";
import { useStartCheckout } from "../checkout/use-start-checkout";
import { useSession } from "../session/use-session";
import { saveBookingDraft, takeBookingDraft } from "./booking-draft";
import {
  type BookingValues,
  bookingResolver,
  bookingTotal,
  defaultBookingValues,
  isFreePurchase,
  maxQuantity,
} from "./booking-form";
import { useBookFreeTickets } from "./use-book-free-tickets";

const refusalDetailsSchema = z.object({ open: z.array(openCheckoutSummarySchema) });

/** The checkouts a TOO_MANY_OPEN_CHECKOUTS refusal names, when it names them. */
function refusedForOpenCheckouts(error: unknown): OpenCheckoutSummary[] | undefined {
  if (!(error instanceof ApiError) || error.code !== "TOO_MANY_OPEN_CHECKOUTS") return undefined;
  return refusalDetailsSchema.safeParse(error.details).data?.open ?? [];
}

/**
 * Per category a number of tickets; per ticket, "for me" or "for someone else" (their mobile number,
 * optionally name and email). Validated with the server's own request schema; the total shown is
 * the listed prices added up, while the payment page shows what the server charges. When every
 * chosen category is free the tickets are booked at once (`tickets/book`); otherwise the form starts a
 * checkout on the gateway's page.
 */
export function BookingForm({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { isSignedIn } = useSession();
  const checkout = useStartCheckout();
  const book = useBookFreeTickets();
  const [defaultValues] = useState(() => takeBookingDraft(event) ?? defaultBookingValues(event));
  const [resolver] = useState(() => bookingResolver(event.id, PHONE_REGION));
  const form = useForm<BookingValues, unknown, PurchaseRequest>({ resolver, defaultValues });
  const items = useWatch({ control: form.control, name: "items" }) ?? defaultValues.items;
  const total = bookingTotal(event, { items });
  const currency = event.categories[0]?.currency ?? "EGP";
  const formError = form.formState.errors.root?.items;
  const purchaseError = checkout.error ?? book.error;
  const openCheckoutsRefusal = refusedForOpenCheckouts(purchaseError);

  // Fresh numbers (after SOLD_OUT, or a refetch) may leave less than was chosen: never ask for more.
  const { getValues, setValue } = form;
  useEffect(() => {
    event.categories.forEach((category, index) => {
      const max = maxQuantity(category.remaining);
      if ((Number(getValues(`items.${index}.quantity`)) || 0) > max) setValue(`items.${index}.quantity`, max);
    });
  }, [event.categories, getValues, setValue]);

  const onSubmit = form.handleSubmit((request) => {
    if (!isSignedIn) {
      saveBookingDraft(event.id, form.getValues());
      navigate(withNext("/login", `/events/${event.id}`));
      return;
    }
    checkout.reset();
    book.reset();
    if (isFreePurchase(event, request)) {
      book.mutate(request, { onSuccess: () => form.reset(defaultBookingValues(event)) });
    } else {
      checkout.mutate(request);
    }
  });

  if (book.data) return <FreeBookingConfirmation booking={book.data} onBookMore={() => book.reset()} />;

  return (
    <section className="booking card" aria-labelledby="booking-title">
      <h2 id="booking-title">{t("booking.title")}</h2>
      <p className="muted">{t("booking.lead")}</p>
      <form noValidate onSubmit={onSubmit} data-testid="booking-form">
        <ul className="category-list">
          {event.categories.map((category, index) => (
            <CategoryRow key={category.id} category={category} index={index} form={form} />
          ))}
        </ul>

        {event.categories.map((category, index) =>
          range(Number(items[index]?.quantity) || 0).map((ticket) => (
            <TicketChoiceFields
              key={`${category.id}-${ticket}`}
              form={form}
              category={category}
              index={index}
              ticket={ticket}
              given={items[index]?.assignees[ticket]?.for === "other"}
            />
          )),
        )}

        <div className="booking-total" data-testid="booking-total">
          <span className="booking-total-label">
            {t("booking.total")}
            {total.tickets > 0 && (
              <span className="muted"> · {t("booking.ticketCount", { count: total.tickets })}</span>
            )}
          </span>
          <bdi className="booking-total-amount">
            {total.free ? t("common.free") : formatMoney(total.amountMinor, currency, locale)}
          </bdi>
        </div>
        <p className="field-hint">{total.free ? t("booking.totalHintFree") : t("booking.totalHint")}</p>

        {formError && <Alert>{fieldErrorMessage(t, formError)}</Alert>}
        {/* Each open checkout holds seats and counts against the 3 a buyer may have: offer to finish or drop them. */}
        {isSignedIn && (
          <OpenCheckouts
            refusal={openCheckoutsRefusal}
            refusalMessage={openCheckoutsRefusal && apiErrorMessage(t, purchaseError)}
            onCancelled={() => checkout.reset()}
          />
        )}
        {purchaseError && !openCheckoutsRefusal && <Alert>{apiErrorMessage(t, purchaseError)}</Alert>}
        <SubmitButton pending={checkout.isPending || checkout.isSuccess || book.isPending}>
          {total.free ? t("booking.submitFree") : t("booking.submit")}
        </SubmitButton>
        {checkout.isSuccess && (
          <p className="field-hint" role="status">
            {t("booking.redirecting")}
          </p>
        )}
        {!isSignedIn && <p className="field-hint">{t("booking.loginFirst")}</p>}
      </form>
    </section>
  );
}

/** What a free booking gave: the tickets are already in My Tickets (and on their way to recipients). */
function FreeBookingConfirmation({ booking, onBookMore }: { booking: BookResponse; onBookMore: () => void }) {
  const { t } = useTranslation();
  const given = booking.tickets.some((ticket) => ticket.assignee !== null);
  return (
    <ResultCard tone="paid" title={t("booking.bookedTitle")} status="booked" heading="h2" testId="booking-confirmation">
      <p className="lead" data-testid="booking-summary">
        {t("booking.bookedBody", { count: booking.tickets.length })}
      </p>
      {given && <p className="muted">{t("booking.bookedGivenNote")}</p>}
      <div className="hero-actions">
        <Link to="/my-tickets" className="button button-primary">
          {t("booking.goToTickets")}
        </Link>
        {given && (
          <Link to="/my-tickets?tab=sent" className="button button-secondary">
            {t("booking.seeSent")}
          </Link>
        )}
        <button type="button" className="button button-secondary" onClick={onBookMore}>
          {t("booking.bookMore")}
        </button>
      </div>
    </ResultCard>
  );
}

/** 0, 1, …, n - 1: ticket rows and quantity options are identified by their number. */
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

type Form = ReturnType<typeof useForm<BookingValues, unknown, PurchaseRequest>>;

function CategoryRow({ category, index, form }: { category: TicketCategoryView; index: number; form: Form }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const selectId = useId();
  const max = maxQuantity(category.remaining);
  const soldOut = max === 0;

  return (
    <li className="category-row" data-testid="category">
      <div className="category-info">
        <bdi className="category-name">{category.name}</bdi>
        <bdi className="category-price">
          {category.price_minor === 0 ? t("common.free") : formatMoney(category.price_minor, category.currency, locale)}
        </bdi>
      </div>
      {soldOut ? (
        <span className="badge badge-muted">{t("events.soldOut")}</span>
      ) : (
        <span className="category-remaining">{t("event.remaining", { count: category.remaining })}</span>
      )}
      <div className="category-quantity">
        <label htmlFor={selectId} className="visually-hidden">
          {t("booking.quantity", { category: category.name })}
        </label>
        <select
          id={selectId}
          disabled={soldOut}
          {...form.register(`items.${index}.quantity`, { setValueAs: (value: string) => Number(value) || 0 })}
        >
          {range(max + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
    </li>
  );
}

function TicketChoiceFields({
  form,
  category,
  index,
  ticket,
  given,
}: {
  form: Form;
  category: TicketCategoryView;
  index: number;
  ticket: number;
  given: boolean;
}) {
  const { t } = useTranslation();
  const base = `items.${index}.assignees.${ticket}` as const;

  return (
    <fieldset className="ticket-choice" data-testid="ticket-choice">
      <legend>
        <Trans
          i18nKey="booking.ticketLegend"
          values={{ number: ticket + 1, category: category.name }}
          components={{ n: <bdi /> }}
        />
      </legend>
      <div className="segmented">
        <label>
          <input type="radio" value="me" {...form.register(`${base}.for`)} />
          <span>{t("booking.forMe")}</span>
        </label>
        <label>
          <input type="radio" value="other" {...form.register(`${base}.for`)} />
          <span>{t("booking.forSomeoneElse")}</span>
        </label>
      </div>
      {given && (
        <div className="recipient-fields">
          <p className="field-hint">{t("booking.recipientHint")}</p>
          <RecipientContactFields form={form} at={base} />
        </div>
      )}
    </fieldset>
  );
}
