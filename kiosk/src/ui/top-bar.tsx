// The strip at the top of every screen: what this is, which store, actions,
// and the language switch.
import type { ComponentChildren } from "preact";
import { LangToggle } from "./lang-toggle.tsx";

export type TopBarProps = {
  title: string;
  subtitle?: string | undefined;
  children?: ComponentChildren;
  tone?: "staff" | "customer";
};

export function TopBar({ title, subtitle, children, tone = "staff" }: TopBarProps) {
  return (
    <header class={`top-bar top-bar--${tone}`}>
      <div class="top-bar__titles">
        <h1 class="top-bar__title">{title}</h1>
        {subtitle ? <p class="top-bar__subtitle">{subtitle}</p> : null}
      </div>
      <div class="top-bar__actions">
        {children}
        <LangToggle />
      </div>
    </header>
  );
}
