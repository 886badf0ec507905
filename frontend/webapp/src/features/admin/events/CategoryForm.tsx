import type { AdminCategory, AdminCategoryCreate, AdminCategoryUpdate } from "@ticketrunners/shared";
import { type ReactNode, useMemo, useState } from "react";
import { type FieldErrors, type UseFormRegister, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/Alert";
import { Field } from "../../../components/Field";
import { ApiError } from "../../../lib/api/client";
import { apiErrorMessage, fieldErrorMessage } from "../../../lib/error-messages";
import { useLocale } from "../../../lib/use-locale";
import { ChoiceField } from "../ChoiceField";
import { allCurrencies, amountPlaceholder, COMMON_CURRENCIES } from "../money-input";
import {
  type CategoryValues,
  categoryUpdateResolver,
  categoryValues,
  newCategoryResolver,
  newCategoryValues,
} from "./category-form";
import { useCreateCategory } from "./use-create-category";
import { useUpdateCategory } from "./use-update-category";

function useCurrencyOptions() {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([locale], { type: "currency" });
    } catch {
      names = undefined;
    }
    const label = (code: string) => {
      const name = names?.of(code);
      return name && name !== code ? `${code} · ${name}` : code;
    };
    const common = new Set<string>(COMMON_CURRENCIES);
    return [
      {
        group: t("admin.category.currencyCommon"),
        options: COMMON_CURRENCIES.map((c) => ({ value: c, label: label(c) })),
      },
      {
        group: t("admin.category.currencyAll"),
        options: allCurrencies()
          .filter((c) => !common.has(c))
          .map((c) => ({ value: c, label: label(c) })),
      },
    ];
  }, [locale, t]);
}

/** Name, price, capacity: the shared fields of the new-category form and the edit form. */
function CategoryFields({
  register,
  errors,
  currencyField,
  currency,
}: {
  register: UseFormRegister<CategoryValues>;
  errors: FieldErrors<CategoryValues>;
  currencyField?: ReactNode;
  currency: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="admin-form-row admin-category-fields">
      <Field
        label={t("admin.category.name")}
        error={fieldErrorMessage(t, errors.name)}
        autoComplete="off"
        {...register("name")}
      />
      <Field
        label={t("admin.category.price", { currency })}
        hint={t("admin.category.priceHint")}
        error={fieldErrorMessage(t, errors.price)}
        inputMode="decimal"
        dir="ltr"
        placeholder={amountPlaceholder(currency)}
        autoComplete="off"
        {...register("price")}
      />
      {currencyField}
      <Field
        label={t("admin.category.capacity")}
        error={fieldErrorMessage(t, errors.capacity)}
        inputMode="numeric"
        dir="ltr"
        autoComplete="off"
        {...register("capacity")}
      />
    </div>
  );
}

/** Adds a category; the price in major units of the chosen currency (0 for free). */
export function NewCategoryForm({ eventId, defaultCurrency }: { eventId: string; defaultCurrency?: string }) {
  const { t } = useTranslation();
  const create = useCreateCategory(eventId);
  const currencies = useCurrencyOptions();
  const form = useForm<CategoryValues, unknown, AdminCategoryCreate>({
    resolver: newCategoryResolver,
    defaultValues: newCategoryValues(defaultCurrency),
  });
  const currency = useWatch({ control: form.control, name: "currency" });
  const [added, setAdded] = useState<string>();
  return (
    <form
      noValidate
      className="admin-form"
      data-testid="new-category-form"
      onSubmit={form.handleSubmit((body) =>
        create.mutate(body, {
          onSuccess: (category) => {
            setAdded(category.name);
            form.reset(newCategoryValues(category.currency));
          },
        }),
      )}
    >
      <h3>{t("admin.category.addTitle")}</h3>
      {create.error && <Alert>{apiErrorMessage(t, create.error)}</Alert>}
      {added && !form.formState.isDirty && <Alert tone="success">{t("admin.category.added", { name: added })}</Alert>}
      <CategoryFields
        register={form.register}
        errors={form.formState.errors}
        currency={currency}
        currencyField={
          <ChoiceField
            label={t("admin.category.currency")}
            error={fieldErrorMessage(t, form.formState.errors.currency)}
            options={currencies}
            {...form.register("currency")}
          />
        }
      />
      <div>
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending}
          aria-busy={create.isPending}
        >
          {t("admin.category.add")}
        </button>
      </div>
    </form>
  );
}

/** Edits a category: name, price (new purchases only) and capacity, never below the seats taken. */
export function EditCategoryForm({ category, onDone }: { category: AdminCategory; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCategory(category.id);
  const [resolver] = useState(() => categoryUpdateResolver(category));
  const form = useForm<CategoryValues, unknown, AdminCategoryUpdate>({
    resolver,
    defaultValues: categoryValues(category),
  });
  const belowSold = update.error instanceof ApiError && update.error.code === "CAPACITY_BELOW_SOLD";
  return (
    <form
      noValidate
      className="admin-form admin-inline-form"
      data-testid="edit-category-form"
      onSubmit={form.handleSubmit((patch) => {
        if (Object.keys(patch).length === 0) return onDone();
        update.mutate(patch, { onSuccess: onDone });
      })}
    >
      {update.error && (
        <Alert>
          {apiErrorMessage(t, update.error)}
          {belowSold && (
            <>
              {" "}
              {t("admin.category.taken", {
                sold: category.sold,
                held: category.held,
                taken: category.sold + category.held,
              })}
            </>
          )}
        </Alert>
      )}
      <CategoryFields register={form.register} errors={form.formState.errors} currency={category.currency} />
      <div className="panel-actions">
        <button type="submit" className="button button-primary button-small" disabled={update.isPending}>
          {t("admin.category.save")}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onDone}>
          {t("admin.category.cancel")}
        </button>
      </div>
    </form>
  );
}
