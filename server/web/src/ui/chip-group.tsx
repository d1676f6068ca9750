// A row of toggle chips for picking several codes (channels, needs, stores…).
// Each chip is a button with aria-pressed, so keyboards and screen readers work.
type Option = { value: string; label: string; title?: string };
type Props = {
  legend: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  small?: boolean;
};

export function ChipGroup({ legend, options, selected, onChange, small }: Props) {
  const toggle = (v: string) =>
    onChange(selected.includes(v) ? selected.filter((s) => s !== v) : [...selected, v]);
  return (
    <fieldset class={small ? "chips small" : "chips"}>
      <legend>{legend}</legend>
      <div class="chip-row">
        {options.map((o) => (
          <button
            type="button"
            key={o.value}
            class="chip"
            aria-pressed={selected.includes(o.value)}
            title={o.title}
            onClick={() => toggle(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
