/** @jsxRuntime automatic @jsxImportSource react */
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Text } from "@react-email/text";
import type { Locale } from "@ticketrunners/shared";
import { convert, type FormatCallback } from "html-to-text";
import type { CSSProperties, ReactElement, ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Translate } from "./i18n";

export const BRAND = "TicketRunners";

const colors = { brand: "#5b3df5", ink: "#1d1d28", page: "#f4f4f7", card: "#ffffff" };

const styles = {
  body: {
    margin: 0,
    padding: "24px",
    backgroundColor: colors.page,
    fontFamily: "Arial, Helvetica, sans-serif",
    color: colors.ink,
  },
  card: { maxWidth: "560px", margin: "0 auto", backgroundColor: colors.card, borderRadius: "8px", padding: "24px" },
  brand: { fontWeight: "bold", fontSize: "18px", color: colors.brand, marginTop: 0 },
  // The one button style: every call to action in every email.
  button: {
    display: "inline-block",
    backgroundColor: colors.brand,
    color: "#ffffff",
    padding: "10px 18px",
    borderRadius: "6px",
    textDecoration: "none",
  },
} satisfies Record<string, CSSProperties>;

export interface EmailLayoutProps {
  locale: Locale;
  /** The subject, as the document's title. */
  title: string;
  /** The line inboxes show after the subject. */
  preview?: string;
  children: ReactNode;
}

/** Every email's frame: brand header, the card, and the reading direction and language of `locale`. */
export function EmailLayout({ locale, title, preview, children }: EmailLayoutProps) {
  const dir = locale === "ar" ? "rtl" : "ltr";
  return (
    <Html lang={locale} dir={dir}>
      <Head>
        <title>{title}</title>
      </Head>
      {preview ? <Preview>{preview}</Preview> : null}
      {/* Some clients drop <html>'s attributes: the body and card carry the direction too. */}
      <Body style={styles.body} dir={dir}>
        <Container style={styles.card} dir={dir}>
          <Text style={styles.brand} data-skip-in-text="true">
            {BRAND}
          </Text>
          {children}
        </Container>
      </Body>
    </Html>
  );
}

/** The call to action. In the plain-text part it reads "Label: link". */
export function EmailButton({ href, children }: { href: string; children: string }) {
  return (
    <Text>
      <Button href={href} style={styles.button} data-email-button="true">
        {children}
      </Button>
    </Text>
  );
}

/** A paragraph of lines (event name, date, venue) kept together, one per line in the text part too. */
export function Lines({ lines, strongFirst = false }: { lines: string[]; strongFirst?: boolean }) {
  return (
    <Text>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once
        <span key={i}>
          {i > 0 ? <br /> : null}
          {i === 0 && strongFirst ? <strong>{line}</strong> : line}
        </span>
      ))}
    </Text>
  );
}

export function List({ items }: { items: string[] }) {
  return (
    <ul>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** "Hi Nour," or, when the name is not known, "Hi,". */
export function Greeting({ t, name }: { t: Translate; name?: string | null }) {
  return <Text>{name ? t("email.greeting", { name }) : t("email.greetingNoName")}</Text>;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

const buttonAsText: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  walk(elem.children, builder);
  builder.addInline(`: ${elem.attribs?.href ?? ""}`, { noWordTransform: true });
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const textOptions = {
  wordwrap: false as const,
  formatters: { emailButton: buttonAsText },
  selectors: [
    // As React Email's own plain-text rendering: no images, no hidden preview or brand line, bare links.
    { selector: "img", format: "skip" },
    { selector: "[data-skip-in-text=true]", format: "skip" },
    { selector: "a", options: { linkBrackets: false as const, hideLinkHrefIfSameAsText: true } },
    { selector: "a[data-email-button=true]", format: "emailButton" },
    { selector: "ul", options: { itemPrefix: "• " } },
  ],
};

/**
 * Renders an email template to its HTML and plain-text parts, synchronously (React Email's `render()`
 * is async; `renderToStaticMarkup` is the same output without the wait). The text part is made from
 * the HTML, so both always say the same. `{{secret}}` in a link survives: React does not escape braces.
 */
export function renderEmail(subject: string, element: ReactElement): RenderedEmail {
  const html = DOCTYPE + renderToStaticMarkup(element);
  const text = `${convert(html, textOptions).trim()}\n`;
  return { subject, text, html };
}
