import { PLURAL_CATEGORIES, REQUIRED_PLURAL_FORMS } from "@ticketrunners/shared";
import { describe, expect, it } from "vitest";
import { ar } from "./ar.copy";
import { en } from "./en.copy";
import { translator } from "./i18n";

type Catalogue = { [key: string]: string | Catalogue };
const leaves = (catalogue: Catalogue, prefix = ""): string[] =>
  Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
const suffix = new RegExp(`_(${PLURAL_CATEGORIES.join("|")})$`);

describe("the message catalogues", () => {
  it("give every phrase English counts each form Arabic needs", () => {
    const arabic = new Set(leaves(ar as Catalogue));
    const counted = leaves(en as Catalogue)
      .filter((key) => key.endsWith("_other"))
      .map((key) => key.replace(suffix, ""));
    expect(counted.length).toBeGreaterThan(5);
    for (const base of counted) {
      for (const form of REQUIRED_PLURAL_FORMS.ar) expect(arabic, `${base}_${form}`).toContain(`${base}_${form}`);
    }
  });

  it("picks the Arabic form by Intl.PluralRules, and reads 0 as the plural where no zero form is written", () => {
    const t = translator("ar");
    const forms = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103].map((count) => t("welcomeEmail.waiting", { count }));
    expect(forms).toEqual([
      "كانت بانتظارك 0 تذكرة وأصبحت لك:",
      "كانت بانتظارك تذكرة واحدة وأصبحت لك:",
      "كانت بانتظارك تذكرتان وأصبحتا لك:",
      "كانت بانتظارك 3 تذاكر وأصبحت لك:",
      "كانت بانتظارك 10 تذاكر وأصبحت لك:",
      "كانت بانتظارك 11 تذكرة وأصبحت لك:",
      "كانت بانتظارك 99 تذكرة وأصبحت لك:",
      "كانت بانتظارك 100 تذكرة وأصبحت لك:",
      "كانت بانتظارك 101 تذكرة وأصبحت لك:",
      "كانت بانتظارك 102 تذكرة وأصبحت لك:",
      "كانت بانتظارك 103 تذاكر وأصبحت لك:",
    ]);
  });

  it("never reads an interpolated value as a template", () => {
    const text = translator("en")("assignmentSms.purchase.claim", {
      count: 1,
      sender: "{{event}} $t(otpSms.login)",
      event: "Jazz {{link}}",
      link: "http://tickets.test/signup?token={{secret}}",
    });
    expect(text).toBe(
      "{{event}} $t(otpSms.login) bought you a ticket to Jazz {{link}}. Claim it: http://tickets.test/signup?token={{secret}}",
    );
  });
});
