import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { PageLoading } from "../../components/PageLoading";
import { useIsAdmin } from "../admin/use-is-admin";
import { useCanCheckIn } from "../session/use-can-check-in";
import { useCurrentUser } from "../session/use-me";
import { useSession } from "../session/use-session";
import { LanguageSwitch } from "./LanguageSwitch";

export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path d="M8 11h16v3a2 2 0 0 0 0 4v3H8v-3a2 2 0 0 0 0-4z" fill="#fff" />
            </svg>
            <span>{t("app.brand")}</span>
          </Link>
          <MainNav />
          <div className="header-actions">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const { isSignedIn } = useSession();
  const staff = useCanCheckIn();
  const admin = useIsAdmin();
  return (
    <nav className="main-nav" aria-label={t("nav.label")}>
      <NavLink to="/" end className="nav-home">
        {t("nav.home")}
      </NavLink>
      {isSignedIn ? (
        <>
          <NavLink to="/my-tickets">{t("nav.myTickets")}</NavLink>
          <NavLink to="/account">{t("nav.account")}</NavLink>
          {staff && <NavLink to="/check-in">{t("nav.checkIn")}</NavLink>}
          {admin && <NavLink to="/admin">{t("admin.headerLink")}</NavLink>}
        </>
      ) : (
        <>
          <NavLink to="/login">{t("nav.login")}</NavLink>
          <NavLink to="/signup">{t("nav.signup")}</NavLink>
        </>
      )}
    </nav>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const user = useCurrentUser();
  const navigate = useNavigate();
  if (!user) return null;

  return (
    <div className="user-menu">
      <span className="user-name">
        <span className="visually-hidden">{t("nav.signedInAs")} </span>
        <bdi data-testid="header-user-name">{user.name}</bdi>
      </span>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => {
          signOut();
          navigate("/", { replace: true });
        }}
      >
        {t("nav.logout")}
      </button>
    </div>
  );
}
