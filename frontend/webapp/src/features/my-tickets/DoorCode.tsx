import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LtrText } from "../../components/LtrText";
import type { TicketView } from "../../lib/api/types";
import { DoorView } from "./DoorView";
import { useDoorCodeImage } from "./use-door-code-image";

/** A held ticket's door code: its QR code with the ticket number under it, and "Show at the door". */
export function DoorCode({ ticket, code }: { ticket: TicketView; code: string }) {
  const { t } = useTranslation();
  const image = useDoorCodeImage(code);
  const [showing, setShowing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const alt = t("myTickets.doorCodeAlt", { number: ticket.ticket_number });

  return (
    <div className="door-code" data-testid="door-code">
      <figure className="door-code-figure">
        {image ? (
          <img className="door-code-image" src={image} alt={alt} data-testid="door-code-image" />
        ) : (
          <span className="door-code-image door-code-placeholder" role="img" aria-label={alt} aria-busy="true" />
        )}
        <figcaption>
          <LtrText className="door-code-number">{ticket.ticket_number}</LtrText>
        </figcaption>
      </figure>
      <button
        ref={opener}
        type="button"
        className="button button-primary button-small"
        disabled={!image}
        onClick={() => setShowing(true)}
      >
        {t("myTickets.showAtDoor")}
      </button>
      {showing && image && (
        <DoorView
          ticket={ticket}
          image={image}
          alt={alt}
          onClose={() => {
            setShowing(false);
            opener.current?.focus();
          }}
        />
      )}
    </div>
  );
}
