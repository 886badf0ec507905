import { Trans } from "react-i18next";
import { LtrText } from "./LtrText";

export function MobileNumberHint() {
  return <Trans i18nKey="fields.mobileHint" components={{ n: <LtrText /> }} />;
}
