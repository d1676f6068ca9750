// Composition root of the managers' web app: the only module with side effects.
import { render } from "preact";
import { createApi } from "./api/client.ts";
import { createConnection } from "./api/connection.ts";
import { App } from "./app.tsx";
import { I18nProvider } from "./i18n/i18n.tsx";
import "./styles.css";
import { ConnectionContext } from "./ui/use-online.ts";

const onUnauthorizedRef = { current: () => {} };
const connection = createConnection();
const api = createApi({
  onUnauthorized: () => onUnauthorizedRef.current(),
  onReachable: connection.report,
});

const root = document.getElementById("app");
if (root) {
  render(
    <I18nProvider>
      <ConnectionContext.Provider value={connection}>
        <App api={api} onUnauthorizedRef={onUnauthorizedRef} />
      </ConnectionContext.Provider>
    </I18nProvider>,
    root,
  );
}
