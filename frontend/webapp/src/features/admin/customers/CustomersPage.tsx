import { type AdminCustomer, type Locale, ROLES, type Role } from "@ticketrunners/shared";
import type { TFunction } from "i18next";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Alert } from "../../../components/Alert";
import { EmptyState } from "../../../components/EmptyState";
import { LtrText } from "../../../components/LtrText";
import { apiErrorMessage } from "../../../lib/error-messages";
import { formatMoment } from "../../../lib/format";
import { formatMobileNumber } from "../../../lib/phone";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useLocale } from "../../../lib/use-locale";
import { useSession } from "../../session/use-session";
import { AdminList, TableCells, type TableColumn } from "../AdminTable";
import { Pager } from "../Pager";
import { SearchForm } from "../SearchForm";
import { useCursorPages } from "../use-cursor-pages";
import { useBanCustomer, useSetRole } from "./use-customer-changes";
import { useCustomers } from "./use-customers";

/**
 * `/admin/customers`: search by part of a name or a number in any spelling, newest first, a page at a
 * time; ban or unban (after confirming), and the role. An operator's own row cannot be changed: the
 * server refuses (409), so its controls are off.
 */
export function CustomersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("admin.customers.title"));
  const [params, setParams] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  const pages = useCursorPages(q);
  const customers = useCustomers(q, pages.before);
  const { user } = useSession();

  return (
    <section className="admin-page" aria-labelledby="admin-customers-title">
      <h1 id="admin-customers-title">{t("admin.customers.title")}</h1>
      <SearchForm
        id="customer-search"
        label={t("admin.customers.search")}
        placeholder={t("admin.customers.searchPlaceholder")}
        submit={t("admin.customers.searchSubmit")}
        initial={q}
        onSearch={(typed) => setParams(typed ? { q: typed } : {}, { replace: true })}
      />
      <AdminList
        query={customers}
        rows={customers.data?.customers}
        empty={<EmptyState title={t("admin.customers.empty")} />}
        testId="customers"
        columns={customerColumns(t)}
        row={(customer) => <CustomerRow key={customer.id} customer={customer} self={customer.id === user?.id} />}
        pager={<Pager {...pages.pager(customers.data?.next_before ?? undefined)} busy={customers.isFetching} />}
      />
    </section>
  );
}

interface CustomerCells {
  customer: AdminCustomer;
  /** The operator's own row, which cannot be changed. */
  self: boolean;
  locale: Locale;
  role: ReturnType<typeof useSetRole>;
  ban: ReturnType<typeof useBanCustomer>;
  /** Whether the ban (or unban) question is open. */
  confirming: boolean;
  setConfirming: (confirming: boolean) => void;
}

/** The customers table: name, contact, role, status, joined, and the ban controls. */
const customerColumns = (t: TFunction): TableColumn<CustomerCells>[] => [
  {
    label: t("admin.customers.name"),
    cell: ({ customer, self }) => (
      <>
        <bdi>{customer.name}</bdi>
        {self && <span className="badge badge-muted admin-you">{t("admin.customers.you")}</span>}
      </>
    ),
  },
  {
    label: t("admin.customers.contact"),
    cell: ({ customer }) => (
      <>
        <LtrText>{formatMobileNumber(customer.mobile_number)}</LtrText>
        {customer.email && (
          <span className="admin-subline">
            <LtrText>{customer.email}</LtrText>
          </span>
        )}
      </>
    ),
  },
  {
    label: t("admin.customers.role"),
    cell: ({ customer, self, role, ban }) => (
      <>
        <label className="visually-hidden" htmlFor={`role-${customer.id}`}>
          {t("admin.customers.roleOf", { name: customer.name })}
        </label>
        <select
          id={`role-${customer.id}`}
          className="admin-select-small"
          value={role.isPending ? role.variables : customer.role}
          disabled={self || role.isPending}
          aria-describedby={self ? `self-${customer.id}` : undefined}
          onChange={(e) => {
            ban.reset();
            role.mutate(e.target.value as Role);
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.customers.role_${r}`)}
            </option>
          ))}
        </select>
      </>
    ),
  },
  {
    label: t("admin.customers.status"),
    cell: ({ customer }) => {
      const banned = customer.status === "banned";
      return (
        <span className={banned ? "badge admin-badge-danger" : "badge badge-success"} data-testid="customer-status">
          {banned ? t("admin.customers.banned") : t("admin.customers.active")}
        </span>
      );
    },
  },
  {
    label: t("admin.customers.joined"),
    cell: ({ customer, locale }) => (
      <time dateTime={customer.created_at}>{formatMoment(customer.created_at, locale)}</time>
    ),
  },
  {
    label: t("admin.customers.actions"),
    hidden: true,
    className: "admin-actions",
    cell: ({ customer, self, role, ban, confirming, setConfirming }) => {
      const banned = customer.status === "banned";
      const error = role.error ?? ban.error;
      return (
        <>
          {self ? (
            <span id={`self-${customer.id}`} className="field-hint">
              {t("admin.customers.selfHint")}
            </span>
          ) : confirming ? (
            <div className="admin-confirm" data-testid="ban-confirm">
              <p>
                <Trans
                  i18nKey={banned ? "admin.customers.unbanConfirm" : "admin.customers.banConfirm"}
                  values={{ name: customer.name }}
                  components={{ n: <bdi /> }}
                />
              </p>
              <div className="panel-actions">
                <button
                  type="button"
                  className={banned ? "button button-primary button-small" : "button button-danger button-small"}
                  disabled={ban.isPending}
                  aria-busy={ban.isPending}
                  onClick={() => {
                    role.reset();
                    ban.mutate(!banned, { onSuccess: () => setConfirming(false) });
                  }}
                >
                  {banned ? t("admin.customers.unbanYes") : t("admin.customers.banYes")}
                </button>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  // biome-ignore lint/a11y/noAutofocus: the question just opened; leaving things as they are is the safe answer.
                  autoFocus
                  onClick={() => setConfirming(false)}
                >
                  {t("admin.customers.keep")}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                ban.reset();
                setConfirming(true);
              }}
            >
              {banned ? t("admin.customers.unban") : t("admin.customers.ban")}
              <span className="visually-hidden"> {customer.name}</span>
            </button>
          )}
          {error && <Alert>{apiErrorMessage(t, error)}</Alert>}
        </>
      );
    },
  },
];

function CustomerRow({ customer, self }: { customer: AdminCustomer; self: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const role = useSetRole(customer.id);
  const ban = useBanCustomer(customer.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <tr
      data-testid="customer-row"
      data-customer-id={customer.id}
      data-status={customer.status}
      data-role={customer.role}
    >
      <TableCells
        columns={customerColumns(t)}
        cells={{ customer, self, locale, role, ban, confirming, setConfirming }}
      />
    </tr>
  );
}
