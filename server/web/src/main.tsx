// Composition root of the managers' web app: the only module with side effects.
import { render } from "preact";
import { createApi } from "./api/client.ts";
import { App } from "./app.tsx";
import { I18nProvider } from "./i18n/i18n.tsx";
import "./styles.css";

const onUnauthorizedRef = { current: () => {} };
const api = createApi({ onUnauthorized: () => onUnauthorizedRef.current() });

const root = document.getElementById("app");
if (root) {
  render(
    <I18nProvider>
      <App api={api} onUnauthorizedRef={onUnauthorizedRef} />
    </I18nProvider>,
    root,
  );
}
