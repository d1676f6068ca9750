// Zone and segment chips (age band; alone / couple / family / group). They
// stay selected between taps: staff set them once per shopper.
import { AGE_BANDS, PARTIES, type Segment } from "../core/segments.ts";
import { ChipGroup } from "./chip-group.tsx";
import { type Key, useI18n } from "./i18n.tsx";

export type SegmentPickerProps = {
  zones: readonly string[];
  zone: string | null;
  segment: Segment;
  onZone(z: string | null): void;
  onSegment(s: Segment): void;
};

export function SegmentPicker({ zones, zone, segment, onZone, onSegment }: SegmentPickerProps) {
  const { t } = useI18n();
  const toggle = <K extends keyof Segment>(key: K, value: Segment[K]) => {
    const next = { ...segment };
    if (segment[key] === value) delete next[key];
    else next[key] = value;
    onSegment(next);
  };
  return (
    <div class="segment-picker">
      {zones.length > 0 ? (
        <ChipGroup
          label={t("pad.zone")}
          testId="zones"
          options={zones.map((z) => ({ value: z, label: z }))}
          selected={zone ? [zone] : []}
          onToggle={(z) => onZone(z === zone ? null : z)}
        />
      ) : null}
      <ChipGroup
        label={t("pad.age")}
        testId="ages"
        options={AGE_BANDS.map((b) => ({ value: b, label: t(`age.${b}` as Key) }))}
        selected={segment.ageBand ? [segment.ageBand] : []}
        onToggle={(v) => toggle("ageBand", v as Segment["ageBand"])}
      />
      <ChipGroup
        label={t("pad.party")}
        testId="parties"
        options={PARTIES.map((p) => ({ value: p, label: t(`party.${p}` as Key) }))}
        selected={segment.party ? [segment.party] : []}
        onToggle={(v) => toggle("party", v as Segment["party"])}
      />
    </div>
  );
}
