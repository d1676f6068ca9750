// The app shell: session gate, top navigation, language toggle and the page
// for the current hash route.
import { useEffect, useMemo, useState } from "preact/hooks";
import { AccountCard } from "./admin/account-card.tsx";
import { AlertBell } from "./alerts/alert-bell.tsx";
import { AlertRulesPage } from "./alerts/alert-rules-page.tsx";
import { AlertsPage } from "./alerts/alerts-page.tsx";
import { type Api, listOf } from "./api/client.ts";
import type { User } from "./api/types.ts";
import { AppContext } from "./app-context.ts";
import { useI18n } from "./i18n/i18n.tsx";
import { LanguageToggle } from "./i18n/language-toggle.tsx";
import { NotificationPrefsCard } from "./notifications/prefs-card.tsx";
import { AdminPage } from "./pages/admin-page.tsx";
import { AnalyticsPage } from "./pages/analytics-page.tsx";
import { ImportPage } from "./pages/import-page.tsx";
import { JournalListPage } from "./pages/journal-list-page.tsx";
import { JournalNewPage } from "./pages/journal-new-page.tsx";
import { JournalPage } from "./pages/journal-page.tsx";
import { MyExtensionPage } from "./pages/my-extension-page.tsx";
import { SignInPage } from "./pages/sign-in-page.tsx";
import { href, parseRoute, type Route } from "./route.ts";
import { cachedUser, canAdmin, confirmSession, rememberUser } from "./session.ts";
import { OfflineBanner } from "./ui/offline-banner.tsx";
import { workspaceTimeZone } from "./ui/time-zone.ts";

type Props = { api: Api; onUnauthorizedRef: { current: () => void } };

export function App({ api, onUnauthorizedRef }: Props) {
  const { t } = useI18n();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  useEffect(() => {
    const cached = cachedUser();
    onUnauthorizedRef.current = () => {
      rememberUser(null);
      setUser(null);
    };
    confirmSession(api, cached).then((u) => {
      rememberUser(u);
      setUser(u);
    });
  }, [api, onUnauthorizedRef]);

  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!user) return;
    api
      .stores()
      .then((r) => setTimeZone(workspaceTimeZone(listOf(r))))
      .catch(() => undefined);
  }, [api, user]);

  const ctx = useMemo(
    () =>
      user
        ? {
            api,
            user,
            ...(timeZone ? { timeZone } : {}),
            signOut: () => {
              void api.logout().catch(() => undefined);
              rememberUser(null);
              setUser(null);
            },
          }
        : null,
    [api, user, timeZone],
  );

  if (user === undefined) return <div class="boot" aria-busy="true" />;
  if (!user || !ctx) {
    return (
      <SignInPage
        api={api}
        onSignedIn={(u) => {
          rememberUser(u);
          setUser(u);
        }}
      />
    );
  }

  const section =
    route.page === "journal-new" || route.page === "journal" ? "journals" : route.page;
  return (
    <AppContext.Provider value={ctx}>
      <button type="button" class="skip" onClick={() => document.getElementById("main")?.focus()}>
        {t("nav.skip")}
      </button>
      <header class="topbar">
        <a class="brand" href={href({ page: "journals" })}>
          <span class="brand-mark" aria-hidden="true" />
          Sightline
        </a>
        <nav aria-label={t("nav.label")}>
          <a
            href={href({ page: "journals" })}
            aria-current={section === "journals" ? "page" : undefined}
          >
            {t("nav.journals")}
          </a>
          <a
            href={href({ page: "analytics" })}
            aria-current={section === "analytics" ? "page" : undefined}
          >
            {t("nav.analytics")}
          </a>
          {canAdmin(user) && (
            <a
              href={href({ page: "import" })}
              aria-current={section === "import" ? "page" : undefined}
            >
              {t("nav.import")}
            </a>
          )}
          {user.role === "marketer" && (
            <a
              href={href({ page: "my-extension" })}
              aria-current={section === "my-extension" ? "page" : undefined}
            >
              {t("nav.myExtension")}
            </a>
          )}
          {canAdmin(user) && (
            <a
              href={href({ page: "admin", section: "stores" })}
              aria-current={section === "admin" ? "page" : undefined}
            >
              {t("nav.admin")}
            </a>
          )}
        </nav>
        <div class="topbar-end">
          {canAdmin(user) && (
            <AlertBell current={section === "alerts" || section === "alert-rules"} />
          )}
          <LanguageToggle />
          <a class="who" href={href({ page: "account" })} title={t("account.title")}>
            {user.name || user.email}
          </a>
          <button type="button" class="btn ghost small" onClick={ctx.signOut}>
            {t("nav.signOut")}
          </button>
        </div>
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        <RoutePage route={route} />
      </main>
    </AppContext.Provider>
  );
}

function RoutePage({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.page) {
    case "journals":
      return <JournalListPage key={String(!!route.archived)} archived={!!route.archived} />;
    case "import":
      return <ImportPage />;
    case "journal-new":
      return <JournalNewPage />;
    case "journal":
      return <JournalPage key={route.id} id={route.id} />;
    case "analytics":
      return <AnalyticsPage />;
    case "my-extension":
      return <MyExtensionPage />;
    case "account":
      // Every role changes its own password and signs out everywhere here.
      return (
        <section class="page narrow">
          <h1>{t("account.title")}</h1>
          <AccountCard titled={false} />
          <NotificationPrefsCard />
        </section>
      );
    case "admin":
      return <AdminPage section={route.section} />;
    case "alerts":
      return <AlertsPage key={route.status} status={route.status} />;
    case "alert-rules":
      return <AlertRulesPage />;
    case "not-found":
      return (
        <section class="page narrow">
          <h1>{t("notFound.title")}</h1>
          <p>
            <a href={href({ page: "journals" })}>{t("notFound.back")}</a>
          </p>
        </section>
      );
  }
}
