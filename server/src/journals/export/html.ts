// Print-ready HTML export of a journal (the browser's "Save as PDF" makes
// the PDF): one self-contained page, inline CSS with print rules, no
// scripts, every user text HTML-escaped; a summary first; screenshots
// embedded as data URIs (so the file opens anywhere, without a login), or
// from /v1/blobs/:sha256 when their bytes were not gathered.
import { PRINCIPLES } from "../../insights/vocabulary.ts";
import { escapeHtml as h } from "./escape.ts";
import {
  blobUrl,
  describeScope,
  type ExportImage,
  type ExportInsight,
  type JournalExport,
  quoteOf,
  summaryFacts,
  type Words,
  wordsFor,
} from "./journal-export.ts";

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8rem;margin:0 0 .25rem}h2{margin-top:2rem;border-bottom:2px solid #222;padding-bottom:.2rem}
h3{margin:0 0 .5rem}h4{margin:1rem 0 .4rem;font-size:1rem;text-transform:uppercase;letter-spacing:.04em;color:#555}
.meta{color:#555}.card{border:1px solid #ccc;border-radius:6px;padding:1rem 1.2rem;margin:1rem 0;break-inside:avoid-page}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.8rem;background:#eee;margin-right:.3rem}
.warn{background:#fde2b3;color:#6b3d00;font-weight:600}.ok{background:#d5f0d9;color:#124d1c}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.7rem;border-left:3px solid #bbb;color:#333}
ul{padding-left:1.2rem}li{margin:.3rem 0}img{max-width:100%;max-height:18rem;border:1px solid #ddd;margin:.3rem 0}
.done{text-decoration:line-through;color:#666}
@page{margin:16mm}@media print{body{margin:0;max-width:none}.card{border-color:#999}a{color:inherit}}
`;

export function renderHtml(x: JournalExport): string {
  const w = wordsFor(x.locale, x.timeZone);
  const { t } = w;
  const j = x.journal;
  const facts = summaryFacts(x, w)
    .map((f) => `<li><strong>${h(f.label)}:</strong> ${h(f.value)}</li>`)
    .join("");
  const head = [
    `<h1>${h(j.title)}</h1>`,
    `<p class="meta">${h(t("export.generated", { at: w.dateTime(x.generatedAt) }))}</p>`,
    `<h2>${h(t("export.summary"))}</h2>`,
    j.question ? `<p><strong>${h(t("export.question"))}:</strong> ${h(j.question)}</p>` : "",
    j.goal ? `<p><strong>${h(t("export.goal"))}:</strong> ${h(j.goal)}</p>` : "",
    `<p><strong>${h(t("export.scope"))}:</strong> ${h(describeScope(j.scope, w, x.names))}</p>`,
    facts ? `<ul>${facts}</ul>` : "",
  ].join("\n");
  const body = x.insights.length
    ? x.insights.map((i, k) => renderInsight(i, k + 1, w, x.images)).join("\n")
    : `<p>${h(t("export.noInsights"))}</p>`;
  return `<!doctype html>
<html lang="${x.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(j.title)}</title>
<style>${CSS}</style>
</head>
<body>
${head}
<h2>${h(t("export.insights"))}</h2>
${body}
</body>
</html>
`;
}

/** A screenshot's src: its bytes as a data URI when the export carries them, else the blob route. */
function imageSrc(sha256: string, images: ReadonlyMap<string, ExportImage> | undefined): string {
  const img = images?.get(sha256);
  return img
    ? `data:${img.contentType};base64,${Buffer.from(img.bytes).toString("base64")}`
    : blobUrl(sha256);
}

function renderInsight(
  i: ExportInsight,
  n: number,
  w: Words,
  images?: ReadonlyMap<string, ExportImage>,
): string {
  const { t } = w;
  const c = i.corroboration;
  const badges = [
    `<span class="badge">${h(t(`status.${i.status}`))}</span>`,
    ...i.needs.map((need) => `<span class="badge">${h(w.need(need))}</span>`),
    c.singleSource
      ? `<span class="badge warn">⚠ ${h(t("export.singleSource"))}</span>`
      : `<span class="badge ok">${h(String(c.channels))} × ${h(c.dataTypes.map(w.channel).join(", "))}</span>`,
  ].join("");
  const facts = [
    t("export.corroboration", {
      channels: c.channels,
      types: c.dataTypes.map(w.channel).join(", ") || "—",
      observations: c.observations,
    }),
    c.contradicting ? t("export.contradicting", { count: c.contradicting }) : "",
    i.overrideReason ? t("export.override", { reason: i.overrideReason }) : "",
  ]
    .filter(Boolean)
    .map((s) => `<li>${h(s)}</li>`)
    .join("");
  const rows = PRINCIPLES.map((p) => {
    const s = i.principles[p];
    return `<tr><td>${h(t(`principle.${p}`))}</td><td>${s ? `${s.score}/3` : "—"}</td><td>${h(s?.note ?? "")}</td></tr>`;
  }).join("");
  const weakest = i.scorecard.weakest
    ? t(`principle.${i.scorecard.weakest}`)
    : t("export.notScored");
  const evidence = i.evidence.length
    ? `<ul>${i.evidence
        .map((e) => {
          const o = e.observation;
          const stance = `<strong>${h(t(`stance.${e.stance}`))}</strong>`;
          if (!o) return `<li>${stance} · ${h(t("export.deleted"))}</li>`;
          const where =
            o.channel === "import" && o.source
              ? `${w.channel("import")} (${o.source})`
              : w.channel(o.channel);
          const quote = quoteOf(o);
          const shot = o.evidence?.screenshot;
          return [
            `<li>${stance} · ${h(where)} · ${h(w.day(o.capturedAt))} · ${h(o.what)}`,
            e.note ? `<br>${h(e.note)}` : "",
            quote ? `<blockquote>${h(quote)}</blockquote>` : "",
            shot
              ? `<br><img src="${h(imageSrc(shot, images))}" alt="${h(t("export.screenshot"))}">`
              : "",
            "</li>",
          ].join("");
        })
        .join("")}</ul>`
    : `<p>${h(t("export.noEvidence"))}</p>`;
  const actions = i.actions.length
    ? `<ul>${i.actions
        .map((a) => {
          const meta = [
            a.owner ? `${t("export.owner")}: ${a.owner}` : "",
            a.due ? `${t("export.due")}: ${w.day(a.due)}` : "",
            t(`action.${a.status}`),
          ].filter(Boolean);
          return `<li${a.status === "done" ? ' class="done"' : ""}>${h(a.title)} — ${h(meta.join(" · "))}</li>`;
        })
        .join("")}</ul>`
    : `<p>${h(t("export.noActions"))}</p>`;
  return `<section class="card">
<h3>${n}. ${h(i.statement)}</h3>
<p>${badges}</p>
<ul>${facts}</ul>
<h4>${h(t("export.scorecard"))}</h4>
<table><thead><tr><th>${h(t("export.principle"))}</th><th>${h(t("export.score"))}</th><th>${h(t("export.note"))}</th></tr></thead><tbody>${rows}</tbody></table>
<p>${h(t("export.total", { total: i.scorecard.total, weakest }))}</p>
<h4>${h(t("export.evidence"))}</h4>
${evidence}
<h4>${h(t("export.actions"))}</h4>
${actions}
</section>`;
}
