// Email over SMTP with nodemailer, configured by SIGHTLINE_SMTP_URL
// (smtp://user:pass@host:587, smtps://… for implicit TLS) and
// SIGHTLINE_MAIL_FROM. Unset: no mailer — alerts still reach the app and
// webhooks, and start-up logs that email is off.
import nodemailer from "nodemailer";

export type Mail = { to: string; subject: string; text: string; html: string };
export type Mailer = {
  send(m: Mail): Promise<void>;
  close(): void;
};

export function createSmtpMailer(o: { url: string; from: string; timeoutMs?: number }): Mailer {
  const timeout = o.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport(o.url, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as never);
  return {
    async send(m) {
      await transport.sendMail({
        from: o.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
      });
    },
    close: () => transport.close(),
  };
}
