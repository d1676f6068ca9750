import { useState } from "preact/hooks";
import type { ConfigView, Settings } from "../../messages.ts";
import { useClient } from "../client-context.ts";
import { useI18n } from "../i18n.ts";

export type EventPanelProps = {
  settings: Settings;
  config: ConfigView;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  /** Save a chosen photo as a blob; resolves with its sha256 (null when too large). */
  savePhoto(file: File): Promise<string | null>;
};

const BASES = ["observed", "inferred", "heard"] as const;
type Basis = (typeof BASES)[number];

/** Event mode: event name and booth set once; quick notes and photos become `event` observations. */
export function EventPanel({ settings, config, updateSettings, savePhoto }: EventPanelProps) {
  const client = useClient();
  const { t } = useI18n();
  const mode = settings.eventMode;
  const [eventName, setEventName] = useState(mode.eventName);
  const [booth, setBooth] = useState(mode.booth);
  const [text, setText] = useState("");
  const [competitorId, setCompetitorId] = useState("");
  const [basis, setBasis] = useState<Basis>("observed");
  const [photo, setPhoto] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const turnOn = async (e: Event) => {
    e.preventDefault();
    if (!eventName.trim()) {
      setMessage(t("event.needName"));
      return;
    }
    setMessage(null);
    await updateSettings({
      eventMode: { active: true, eventName: eventName.trim(), booth: booth.trim() },
    });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (!text.trim() && !photo) {
      setMessage(t("event.needText"));
      return;
    }
    let sha: string | null = null;
    if (photo) {
      sha = await savePhoto(photo);
      if (!sha) {
        setMessage(t("event.photoTooBig"));
        return;
      }
    }
    const r = await client.request({
      type: "event.note",
      text,
      ...(sha ? { photo: sha } : {}),
      ...(competitorId ? { competitorId } : {}),
      basis,
    });
    if (r.ok) {
      // The next note starts fresh: no competitor or basis carried over from this one.
      setText("");
      setCompetitorId("");
      setBasis("observed");
      setPhoto(null);
      setInputKey((k) => k + 1);
      setMessage(t("event.added"));
    } else setMessage(t("error.generic", { detail: r.error }));
  };

  if (!mode.active) {
    return (
      <form class="event" onSubmit={turnOn}>
        <h2>{t("event.mode")}</h2>
        <label>
          <span>{t("event.name")}</span>
          <input
            value={eventName}
            onInput={(e) => setEventName(e.currentTarget.value)}
            maxLength={200}
          />
        </label>
        <label>
          <span>{t("event.booth")}</span>
          <input value={booth} onInput={(e) => setBooth(e.currentTarget.value)} maxLength={200} />
        </label>
        <button type="submit" class="primary">
          {t("event.on")}
        </button>
        {message && <p role="status">{message}</p>}
      </form>
    );
  }
  return (
    <form class="event" onSubmit={save}>
      <header class="row">
        <strong>
          {mode.eventName}
          {mode.booth ? ` — ${mode.booth}` : ""}
        </strong>
        <button
          type="button"
          class="link"
          onClick={() => void updateSettings({ eventMode: { ...mode, active: false } })}
        >
          {t("event.off")}
        </button>
      </header>
      <label>
        <span>{t("event.booth")}</span>
        <input
          value={booth}
          onInput={(e) => setBooth(e.currentTarget.value)}
          onBlur={() => void updateSettings({ eventMode: { ...mode, booth: booth.trim() } })}
          maxLength={200}
        />
      </label>
      <label>
        <span>{t("event.note")}</span>
        <textarea
          rows={4}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          maxLength={4000}
        />
      </label>
      <label>
        <span>{t("form.competitor")}</span>
        <select value={competitorId} onChange={(e) => setCompetitorId(e.currentTarget.value)}>
          <option value="">{t("form.noCompetitor")}</option>
          {config.competitors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="basis">
        <legend>{t("form.basis")}</legend>
        {BASES.map((b) => (
          <label key={b} class="inline">
            <input
              type="radio"
              name="event-basis"
              value={b}
              checked={basis === b}
              onChange={() => setBasis(b)}
            />
            {t(`basis.${b}`)}
          </label>
        ))}
      </fieldset>
      <label>
        <span>{t("event.photo")}</span>
        <input
          key={inputKey}
          type="file"
          accept="image/*"
          capture="environment"
          onChange={(e) => setPhoto(e.currentTarget.files?.[0] ?? null)}
        />
      </label>
      <button type="submit" class="primary">
        {t("event.add")}
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
