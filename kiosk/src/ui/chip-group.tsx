// A row of toggle chips (zone, age band, party, needs, reasons). Single-choice
// groups un-select on a second tap; multi-choice groups toggle each chip.
export type ChipOption = { value: string; label: string };

export type ChipGroupProps = {
  label: string;
  options: readonly ChipOption[];
  selected: readonly string[];
  onToggle(value: string): void;
  size?: "normal" | "large";
  testId?: string;
};

export function ChipGroup({ label, options, selected, onToggle, size, testId }: ChipGroupProps) {
  return (
    <fieldset class="chip-group" data-testid={testId}>
      <legend class="chip-group__label">{label}</legend>
      <div class="chip-group__chips">
        {options.map((o) => {
          const on = selected.includes(o.value);
          return (
            <button
              key={o.value}
              type="button"
              class={`chip${on ? " chip--on" : ""}${size === "large" ? " chip--large" : ""}`}
              aria-pressed={on}
              data-value={o.value}
              onClick={() => onToggle(o.value)}
            >
              {on ? (
                <svg class="chip__check" viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M3 8.5l3 3 7-7" />
                </svg>
              ) : null}
              {o.label}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
