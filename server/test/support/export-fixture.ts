// A small exported journal for the renderer tests: one cross-channel insight
// with a scorecard, evidence (a quote, a screenshot, a deleted observation)
// and actions, one single-source insight, and hostile text throughout.
import { corroborate } from "../../src/insights/corroboration.ts";
import { summarisePrinciples } from "../../src/insights/principles.ts";
import type { ExportInsight, JournalExport } from "../../src/journals/export/journal-export.ts";

export const SHOT = "a".repeat(64);

export function exportFixture(locale: "vi" | "en" = "en"): JournalExport {
  const principles = {
    truth: { score: 3, note: "21 observations, 3 channels" },
    resonance: { score: 2, note: 'Khách nói: "đắt quá"' },
    relevance: { score: 3, note: "" },
    uniqueness: { score: 1, note: '=HYPERLINK("http://evil")' },
  };
  const price: ExportInsight = {
    id: "ins1",
    journalId: "j1",
    statement: "Khách so giá với đối thủ <script>alert(1)</script> *ngay tại quầy*",
    needs: ["price", "options"],
    status: "validated",
    principles,
    overrideReason: null,
    createdBy: "u1",
    createdAt: "2024-03-20T10:00:00Z",
    updatedAt: "2024-03-20T10:00:00Z",
    corroboration: corroborate([
      { observationId: "o1", stance: "supports", channel: "web" },
      { observationId: "o2", stance: "supports", channel: "store" },
      { observationId: "o3", stance: "supports", channel: "feedback" },
      { observationId: "o4", stance: "contradicts", channel: "store" },
    ]),
    scorecard: summarisePrinciples(principles),
    evidence: [
      {
        observationId: "o1",
        stance: "supports",
        note: null,
        addedBy: "u1",
        addedAt: "2024-03-20T10:00:00Z",
        observation: {
          id: "o1",
          channel: "web",
          method: "competitor-audit",
          capturedAt: "2024-03-11T10:00:00+07:00",
          what: "Túi xách da giảm còn 1.290.000đ",
          evidence: { quote: "Giá sốc\n# chỉ hôm nay", screenshot: SHOT },
        },
      },
      {
        observationId: "o2",
        stance: "supports",
        note: "nhiều lần trong tuần",
        addedBy: "u1",
        addedAt: "2024-03-20T10:00:00Z",
        observation: {
          id: "o2",
          channel: "store",
          method: "shopper-observation",
          capturedAt: "2024-03-12T15:00:00+07:00",
          what: "Hỏi giá",
          behaviour: "asked-price",
        },
      },
      {
        observationId: "o9",
        stance: "context",
        note: null,
        addedBy: "u1",
        addedAt: "2024-03-20T10:00:00Z",
        observation: null,
      },
    ],
    actions: [
      {
        id: "a1",
        insightId: "ins1",
        title: "Price-match the Classic bag",
        owner: "Lan",
        due: "2024-04-01",
        status: "doing",
        createdAt: "2024-03-20T10:00:00Z",
        updatedAt: "2024-03-20T10:00:00Z",
      },
      {
        id: "a2",
        insightId: "ins1",
        title: "-1 Brief the floor staff",
        owner: null,
        due: null,
        status: "done",
        createdAt: "2024-03-20T10:00:00Z",
        updatedAt: "2024-03-20T10:00:00Z",
      },
    ],
  };
  const single: ExportInsight = {
    ...price,
    id: "ins2",
    statement: "Checkout waits are long",
    needs: ["efficiency"],
    status: "draft",
    principles: {},
    corroboration: corroborate([{ observationId: "o2", stance: "supports", channel: "store" }]),
    scorecard: summarisePrinciples({}),
    evidence: [],
    actions: [],
  };
  return {
    journal: {
      id: "j1",
      title: "Giá & đối thủ — quý 1",
      question: "Vì sao khách <b>rời đi</b> không mua?",
      goal: "Tăng tỉ lệ chuyển đổi 10%",
      scope: {
        from: "2024-03-01",
        to: "2024-03-31",
        channels: ["web", "store", "feedback"],
        needs: ["price"],
      },
      archived: false,
      createdBy: "u1",
      createdAt: "2024-03-01T00:00:00Z",
      updatedAt: "2024-03-01T00:00:00Z",
    },
    insights: [price, single],
    generatedAt: "2024-03-21T08:00:00Z",
    locale,
  };
}
