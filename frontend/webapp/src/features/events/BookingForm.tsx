import { MAX_TICKETS_PER_PURCHASE } from "@ticketrunners/shared";
import { useEffect, useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { MobileNumberHint } from "../../components/MobileNumberHint";
import { SubmitButton } from "../../components/SubmitButton";
import { PHONE_REGION } from "../../lib/account-schemas";
import type { EventView, PurchaseRequest, TicketCategoryView } from "../../lib/api/types";
import { apiErrorMessage, fieldErrorMessage } from "../../lib/error-messages";
import { formatMoney } from "../../lib/format";
import { withNext } from "../../lib/safe-next";
import { useLocale } from "../../lib/use-locale";
import { useStartCheckout } from "../checkout/use-start-checkout";
import { useSession } from "../session/use-session";
import { saveBookingDraft, takeBookingDraft } from "./booking-draft";
import { type BookingValues, bookingResolver, bookingTotal, defaultBookingValues, maxQuantity } from "./booking-form";

/**
 * Per category a number of tickets; per ticket, "for me" or "for someone else" (their mobile number,
 * optionally name and email). Validated with the server's own request schema; the total shown is
 * the listed prices added up, while the payment page shows what the server charges.
 */
export function BookingForm({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { isSignedIn } = useSession();
  const checkout = useStartCheckout();
  const [defaultValues] = useState(() => takeBookingDraft(event) ?? defaultBookingValues(event));
  const [resolver] = useState(() => bookingResolver(event.id, PHONE_REGION));
  const form = useForm<BookingValues, unknown, PurchaseRequest>({ resolver, defaultValues });
  const items = useWatch({ control: form.control, name: "items" }) ?? defaultValues.items;
  const total = bookingTotal(event, { items });
  const currency = event.categories[0]?.currency ?? "EGP";
  const formError = form.formState.errors.root?.items;

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
    checkout.mutate(request);
  });

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
          <bdi className="booking-total-amount">{formatMoney(total.amountMinor, currency, locale)}</bdi>
        </div>
        <p className="field-hint">{t("booking.totalHint")}</p>

        {formError && <Alert>{bookingFormErrorMessage(t, formError)}</Alert>}
        {checkout.error && <Alert>{apiErrorMessage(t, checkout.error)}</Alert>}
        <SubmitButton pending={checkout.isPending || checkout.isSuccess}>{t("booking.submit")}</SubmitButton>
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

/** 0, 1, …, n - 1: ticket rows and quantity options are identified by their number. */
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

type Form = ReturnType<typeof useForm<BookingValues, unknown, PurchaseRequest>>;

function bookingFormErrorMessage(t: ReturnType<typeof useTranslation>["t"], error: { type?: string | number }): string {
  if (error.type === "nothing_chosen") return t("booking.chooseTickets");
  if (error.type === "too_many") return t("booking.tooMany", { max: MAX_TICKETS_PER_PURCHASE });
  return t("validation.invalid");
}

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
        <bdi className="category-price">{formatMoney(category.price_minor, category.currency, locale)}</bdi>
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
  const errors = form.formState.errors.items?.[index]?.assignees?.[ticket];

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
          <Field
            label={t("booking.recipientMobile")}
            hint={<MobileNumberHint />}
            error={fieldErrorMessage(t, "mobile_number", errors?.mobile_number)}
            type="tel"
            autoComplete="off"
            dir="ltr"
            {...form.register(`${base}.mobile_number`)}
          />
          <Field
            label={t("booking.recipientName")}
            optional
            error={fieldErrorMessage(t, "name", errors?.name)}
            type="text"
            autoComplete="off"
            {...form.register(`${base}.name`)}
          />
          <Field
            label={t("booking.recipientEmail")}
            optional
            error={fieldErrorMessage(t, "email", errors?.email)}
            type="email"
            autoComplete="off"
            dir="ltr"
            {...form.register(`${base}.email`)}
          />
        </div>
      )}
    </fieldset>
  );
}
