// What alert and notification tests set up through the real routes before
// the part they test: a rule, a webhook subscription, a watched competitor,
// and the very-unhappy kiosk answers that trip a feedback-negative-share rule
// (its defaults: at least 4 answers in 15 minutes, half of them negative).
import { feedbackAnswer } from "./mutations.ts";
import type { TestApp, TestDevice } from "./test-app.ts";

/** POST /v1/alert-rules as `token` (default the admin); the response, unread. */
export const postAlertRule = (t: TestApp, json: Record<string, unknown>, token = t.admin.token) =>
  t.request("/v1/alert-rules", { method: "POST", token, json });

/** Subscribes `url` to the workspace's webhooks as `token`; the subscription as answered. */
export async function subscribeWebhook(
  t: TestApp,
  token: string,
  url: string,
  secret: string,
): Promise<{ id: string }> {
  return (await t.request("/v1/webhooks", { method: "POST", token, json: { url, secret } })).json();
}

/**
 * The admin's competitor "Điện Máy X" (dienmay.example.vn), with a rule that
 * alerts when its captured price moves more than 5 %; the competitor as answered.
 */
export async function watchedCompetitor(t: TestApp): Promise<{ id: string; name: string }> {
  const rival = await (
    await t.request("/v1/competitors", {
      method: "POST",
      token: t.admin.token,
      json: { name: "Điện Máy X", domains: ["dienmay.example.vn"] },
    })
  ).json();
  await postAlertRule(t, { kind: "competitor-price-change", competitorId: rival.id, threshold: 5 });
  return rival;
}

/** Pushes one very-unhappy answer (rating 1) per seq from `kiosk`, captured at `at` (default now). */
export const pushUnhappy = (t: TestApp, kiosk: TestDevice, seqs: number[], at?: number) =>
  t.push(
    kiosk,
    seqs.map((s) => feedbackAnswer(s, kiosk, 1, { at })),
  );
