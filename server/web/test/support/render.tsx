// Component-test rendering with the app's own Preact copy. (@testing-library/
// preact resolves the hoisted preact 11 at the repo root while server/web uses
// preact 10, so its render would run our hooks on the wrong instance; queries
// come from @testing-library/dom, which is DOM-only.)

import type { Locale } from "@sightline/shared/vocabulary/label";
import { fireEvent } from "@testing-library/dom";
import { type ComponentChildren, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach } from "vitest";
import type { Api } from "../../src/api/client.ts";
import type { User } from "../../src/api/types.ts";
import { AppContext } from "../../src/app-context.ts";
import { I18nProvider } from "../../src/i18n/i18n.tsx";

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const el of mounted.splice(0)) {
    render(null, el);
    el.remove();
  }
});

export const TEST_USER: User = {
  id: "u1",
  email: "manager@example.vn",
  role: "manager",
  workspaceId: "w1",
};

type Options = { locale?: Locale; api?: Partial<Api>; user?: User };

export function renderUi(
  ui: ComponentChildren,
  { locale = "en", api, user = TEST_USER }: Options = {},
): HTMLElement {
  const el = document.createElement("div");
  document.body.append(el);
  mounted.push(el);
  const tree = (
    <I18nProvider initial={locale}>
      {api ? (
        <AppContext.Provider value={{ api: api as Api, user, signOut: () => {} }}>
          {ui}
        </AppContext.Provider>
      ) : (
        ui
      )}
    </I18nProvider>
  );
  act(() => render(tree, el));
  return el;
}

/** Let pending promises and effects settle inside act(). */
export async function settle(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

type EventKind =
  | "click"
  | "change"
  | "input"
  | "blur"
  | "mouseEnter"
  | "submit"
  | "keyDown"
  | "dragStart"
  | "dragOver"
  | "drop";

/** Fire a DOM event inside act(), so Preact re-renders before the next assertion. */
export function fire(kind: EventKind, el: Element | null | undefined, init?: object): void {
  if (!el) throw new Error(`fire(${kind}): no element`);
  act(() => {
    fireEvent[kind](el, init);
  });
}
