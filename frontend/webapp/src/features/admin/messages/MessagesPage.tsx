import { type NotificationStatus, notificationStatusSchema } from "@ticketrunners/shared";
import type { TFunction } from "i18next";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { Field } from "../../../components/Field";
import { LtrText } from "../../../components/LtrText";
import { formatMoment } from "../../../lib/format";
import { formatMobileNumber } from "../../../lib/phone";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useLocale } from "../../../lib/use-locale";
import { AdminList, TableCells, type TableColumn } from "../AdminTable";
import { ChoiceField } from "../ChoiceField";
import { Pager } from "../Pager";
import { useCursorPages } from "../use-cursor-pages";
import { RetryButton } from "./RetryButton";
import {
  type LedgerMessage,
  NOTIFICATIONS_PAGE_SIZE,
  type NotificationFilters,
  useNotifications,
} from "./use-notifications";

/** The templates the platform sends, offered as the template filter's suggestions (any text filters). */
const TEMPLATES = [
  "otp-register",
  "otp-login",
  "otp-transfer",
  "welcome",
  "purchase-confirmation",
  "assignment-sms-claim",
  "assignment-sms-existing",
  "assignment-email-claim",
  "assignment-email-existing",
  "transfer-sms-claim",
  "transfer-sms-existing",
  "transfer-email-claim",
  "transfer-email-existing",
  "reminder-sms-claim",
  "reminder-email-claim",
  "gift-claimed",
];

const STATUSES = notificationStatusSchema.options;

const BADGE: Record<NotificationStatus, string> = {
  queued: "badge badge-muted",
  sending: "badge admin-badge-info",
  sent: "badge badge-success",
  failed: "badge badge-warning",
  dead: "badge admin-badge-danger",
};

function filtersFrom(params: URLSearchParams): NotificationFilters {
  const status = STATUSES.find((s) => s === params.get("status"));
  const channel = params.get("channel");
  return {
    status,
    channel: channel === "sms" || channel === "email" ? channel : undefined,
    template: params.get("template")?.trim() || undefined,
    recipient: params.get("recipient")?.trim() || undefined,
  };
}

/**
 * `/admin/messages`: the outbox ledger, newest first, filtered by status, channel, template and recipient
 * (a number in any spelling, or an email). Each message's attempts and last error; a dead one can be
 * sent again. Filters are in the URL; pages go back by the last row's time.
 */
export function MessagesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("admin.messages.title"));
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const pages = useCursorPages(JSON.stringify(filters));
  const messages = useNotifications(filters, pages.before);
  const rows = messages.data;
  const nextBefore = rows?.length === NOTIFICATIONS_PAGE_SIZE ? rows.at(-1)?.created_at.toISOString() : undefined;

  return (
    <section className="admin-page" aria-labelledby="admin-messages-title">
      <h1 id="admin-messages-title">{t("admin.messages.title")}</h1>
      <p className="muted">{t("admin.messages.lead")}</p>
      <MessageFilters
        key={params.toString()}
        filters={filters}
        onApply={(next) => {
          const search = new URLSearchParams();
          for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
          setParams(search, { replace: true });
        }}
      />
      <AdminList
        query={messages}
        rows={rows}
        empty={<EmptyState title={t("admin.messages.empty")} />}
        testId="messages"
        busy={messages.isFetching}
        columns={messageColumns(t)}
        row={(message) => <MessageRow key={message.id} message={message} />}
        pager={<Pager {...pages.pager(nextBefore)} busy={messages.isFetching} />}
      />
    </section>
  );
}

function MessageFilters({
  filters,
  onApply,
}: {
  filters: NotificationFilters;
  onApply: (filters: Record<keyof NotificationFilters, string>) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    status: filters.status ?? "",
    channel: filters.channel ?? "",
    template: filters.template ?? "",
    recipient: filters.recipient ?? "",
  });
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply(values);
  };
  const any = { value: "", label: t("admin.messages.any") };
  return (
    <form className="admin-filters" data-testid="message-filters" onSubmit={onSubmit}>
      <ChoiceField
        name="status"
        label={t("admin.messages.status")}
        value={values.status}
        onChange={set("status")}
        options={[any, ...STATUSES.map((s) => ({ value: s, label: t(`admin.messages.status_${s}`) }))]}
      />
      <ChoiceField
        name="channel"
        label={t("admin.messages.channel")}
        value={values.channel}
        onChange={set("channel")}
        options={[
          any,
          { value: "sms", label: t("admin.messages.channel_sms") },
          { value: "email", label: t("admin.messages.channel_email") },
        ]}
      />
      <Field
        id="message-template"
        name="template"
        label={t("admin.messages.template")}
        dir="ltr"
        list="message-templates"
        autoComplete="off"
        value={values.template}
        onChange={set("template")}
      />
      <datalist id="message-templates">
        {TEMPLATES.map((template) => (
          <option key={template} value={template} />
        ))}
      </datalist>
      <Field
        id="message-recipient"
        name="recipient"
        label={t("admin.messages.recipient")}
        dir="ltr"
        autoComplete="off"
        placeholder={t("admin.messages.recipientPlaceholder")}
        value={values.recipient}
        onChange={set("recipient")}
      />
      <div className="admin-filters-actions">
        <button type="submit" className="button button-primary button-small">
          {t("admin.messages.apply")}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => onApply({ status: "", channel: "", template: "", recipient: "" })}
        >
          {t("admin.messages.clear")}
        </button>
      </div>
    </form>
  );
}

interface MessageCells {
  message: LedgerMessage;
  /** A time as the reader's clock shows it. */
  when: (at: Date) => string;
}

/** The ledger: created (and sent), to whom, template, status (and next attempt), attempts, last error. */
const messageColumns = (t: TFunction): TableColumn<MessageCells>[] => [
  {
    label: t("admin.messages.created"),
    cell: ({ message, when }) => (
      <>
        <time dateTime={message.created_at.toISOString()}>{when(message.created_at)}</time>
        {message.sent_at && (
          <span className="admin-subline">{t("admin.messages.sentAt", { time: when(message.sent_at) })}</span>
        )}
      </>
    ),
  },
  {
    label: t("admin.messages.recipient"),
    cell: ({ message }) => (
      <>
        <span className="admin-subline">{t(`admin.messages.channel_${message.channel}`)}</span>
        <LtrText>{message.channel === "sms" ? formatMobileNumber(message.recipient) : message.recipient}</LtrText>
      </>
    ),
  },
  { label: t("admin.messages.template"), cell: ({ message }) => <code dir="ltr">{message.template}</code> },
  {
    label: t("admin.messages.status"),
    cell: ({ message, when }) => (
      <>
        <span className={BADGE[message.status]} data-testid="message-status">
          {t(`admin.messages.status_${message.status}`)}
        </span>
        {message.status === "failed" && (
          <span className="admin-subline">
            {t("admin.messages.nextAttempt", { time: when(message.next_attempt_at) })}
          </span>
        )}
      </>
    ),
  },
  {
    label: t("admin.messages.attempts"),
    cell: ({ message }) => t("admin.messages.attemptsOf", { attempts: message.attempts, max: message.max_attempts }),
  },
  {
    label: t("admin.messages.lastError"),
    className: "admin-error-cell",
    cell: ({ message }) => (
      <>
        {message.last_error ? <span dir="ltr">{message.last_error}</span> : <span className="muted">—</span>}
        {message.status === "dead" && <RetryButton id={message.id} />}
      </>
    ),
  },
];

function MessageRow({ message }: { message: LedgerMessage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <tr
      data-testid="message-row"
      data-id={message.id}
      data-status={message.status}
      data-template={message.template}
      data-recipient={message.recipient}
    >
      <TableCells columns={messageColumns(t)} cells={{ message, when: (at) => formatMoment(at, locale) }} />
    </tr>
  );
}
