import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDocumentTitle } from "../../lib/use-document-title";
import { EventList } from "../events/EventList";
import { useCurrentUser } from "../session/use-me";

export function HomePage() {
  return (
    <div className="home">
      <Hero />
      <EventList />
    </div>
  );
}

function Hero() {
  const { t } = useTranslation();
  useDocumentTitle();
  const user = useCurrentUser();

  if (user) {
    return (
      <HeroSection
        title={<Trans i18nKey="home.welcomeBack" values={{ name: user.name }} components={{ n: <bdi /> }} />}
        lead={t("home.signedInLead")}
      >
        <Link to="/my-tickets" className="button button-primary">
          {t("home.goToTickets")}
        </Link>
      </HeroSection>
    );
  }

  return (
    <HeroSection title={t("home.title")} lead={t("home.lead")}>
      <Link to="/signup" className="button button-primary">
        {t("home.signup")}
      </Link>
      <Link to="/login" className="button button-secondary">
        {t("home.login")}
      </Link>
    </HeroSection>
  );
}

function HeroSection({ title, lead, children }: { title: ReactNode; lead: string; children: ReactNode }) {
  return (
    <section className="hero" aria-labelledby="home-title">
      <h1 id="home-title">{title}</h1>
      <p className="lead">{lead}</p>
      <div className="hero-actions">{children}</div>
    </section>
  );
}
