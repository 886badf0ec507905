import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { Field } from "../../components/Field";
import { LtrText } from "../../components/LtrText";
import { SubmitButton } from "../../components/SubmitButton";
import { fieldErrorMessage } from "../../lib/error-messages";
import { type TypedNumberValues, typedNumberResolver } from "./typed-number-form";

/** A ticket number typed by hand (a phone with a dead battery, a printout): checked like a scan. */
export function TypedNumberForm({ onCheck }: { onCheck: (code: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const form = useForm<TypedNumberValues>({ resolver: typedNumberResolver, defaultValues: { code: "" } });
  const { errors, isSubmitting } = form.formState;

  return (
    <form
      noValidate
      className="typed-number"
      data-testid="typed-number"
      aria-labelledby="typed-number-title"
      onSubmit={form.handleSubmit(async ({ code }) => {
        await onCheck(code);
        // Ready for the next one.
        form.reset({ code: "" });
        form.setFocus("code");
      })}
    >
      <h2 id="typed-number-title">{t("checkin.typed")}</h2>
      <Field
        label={t("checkin.typedLabel")}
        hint={<Trans i18nKey="checkin.typedHint" components={{ n: <LtrText /> }} />}
        error={fieldErrorMessage(t, errors.code)}
        type="text"
        dir="ltr"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        {...form.register("code")}
      />
      <SubmitButton pending={isSubmitting}>{t("checkin.typedSubmit")}</SubmitButton>
    </form>
  );
}
