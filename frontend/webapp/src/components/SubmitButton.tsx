import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";

/** The form's main action; while the request runs it stays in place, disabled, and says so. */
export function SubmitButton({ pending, children, ...props }: ComponentProps<"button"> & { pending: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="submit"
      className="button button-primary button-block"
      disabled={pending}
      aria-busy={pending}
      {...props}
    >
      {children}
      {pending && <span className="visually-hidden"> {t("common.working")}</span>}
    </button>
  );
}
