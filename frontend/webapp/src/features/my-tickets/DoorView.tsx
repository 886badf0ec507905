import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Fact } from "../../components/Fact";
import { LtrText } from "../../components/LtrText";
import type { TicketView } from "../../lib/api/types";
import { formatEventDate } from "../../lib/format";
import { useLocale } from "../../lib/use-locale";
import { useCurrentUser } from "../session/use-me";
import { CategoryFact } from "./TicketFacts";

/**
 * "Show at the door": the QR code as large as the screen allows, black on white whatever the page's
 * theme, with the ticket number, the event and the holder's name for the staff to read. A modal
 * <dialog>: Escape or Close returns to the list. The screen is kept awake while it is open, where the
 * browser lets us.
 */
export function DoorView({
  ticket,
  image,
  alt,
  onClose,
}: {
  ticket: TicketView;
  image: string;
  alt: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const holder = useCurrentUser()?.name ?? "";
  // Closed before it goes, so the rest of the page is no longer inert when the opener takes the focus back.
  const close = () => {
    dialog.current?.close();
    onClose();
  };

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  useEffect(() => {
    let lock: WakeLockSentinel | undefined;
    let released = false;
    navigator.wakeLock
      ?.request("screen")
      .then((sentinel) => {
        if (released) void sentinel.release();
        else lock = sentinel;
      })
      // Refused (battery saver, an unfocused page) or not offered: the view works all the same.
      .catch(() => {});
    return () => {
      released = true;
      void lock?.release();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="door-view"
      aria-labelledby="door-view-title"
      data-testid="door-view"
      onCancel={(event) => {
        // Escape: closed the same way as with the button.
        event.preventDefault();
        close();
      }}
    >
      <div className="door-view-inner">
        <div className="door-view-top">
          <h2 id="door-view-title">{t("doorView.title")}</h2>
          <button type="button" className="door-view-close" onClick={close}>
            {t("doorView.close")}
          </button>
        </div>
        <img className="door-view-image" src={image} alt={alt} data-testid="door-view-image" />
        <p className="door-view-number" data-testid="door-view-number">
          <span className="visually-hidden">{t("doorView.ticketNumber")} </span>
          <LtrText>{ticket.ticket_number}</LtrText>
        </p>
        <dl className="door-view-facts">
          <Fact term={t("doorView.holder")} data-testid="door-view-holder">
            <bdi>{holder}</bdi>
          </Fact>
          <Fact term={t("doorView.event")} data-testid="door-view-event">
            <bdi>{ticket.event.name}</bdi>
            <br />
            <time dateTime={ticket.event.starts_at}>
              {formatEventDate(ticket.event.starts_at, locale, ticket.event.timezone)}
            </time>
          </Fact>
          <CategoryFact ticket={ticket} />
        </dl>
        <p className="door-view-hint">{t("doorView.hint")}</p>
      </div>
    </dialog>
  );
}
