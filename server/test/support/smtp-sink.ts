// A real local SMTP server (the smtp-server package) for email tests: takes
// every message (no auth, no TLS) and keeps it decoded enough to assert on —
// recipient, subject (RFC 2047 words decoded) and the text/plain part
// (quoted-printable or base64 decoded as UTF-8).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type SunkMail = { to: string[]; subject: string; text: string; html: string; raw: string };

export async function startSmtpSink() {
  const mails: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(raw), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    mails,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(
            data
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) =>
                String.fromCharCode(Number.parseInt(h, 16)),
              ),
            "latin1",
          ).toString("utf8"),
    );
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/quoted-printable/i.test(encoding))
    return Buffer.from(
      body
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/gi, (_x, h: string) =>
          String.fromCharCode(Number.parseInt(h, 16)),
        ),
      "latin1",
    ).toString("utf8");
  return body;
}

function headersOf(block: string): Map<string, string> {
  const h = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) h.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return h;
}

function decodeMail(raw: string): { subject: string; text: string; html: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = headersOf(raw.slice(0, split));
  const subject = decodeWords(head.get("subject") ?? "");
  const boundary = /boundary="?([^";]+)"?/.exec(head.get("content-type") ?? "")?.[1];
  let text = "";
  let html = "";
  const parts = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw.slice(split)];
  for (const part of parts) {
    const p = part.replace(/^\r?\n/, "");
    const at = p.search(/\r?\n\r?\n/);
    const h = boundary ? headersOf(p.slice(0, at)) : head;
    const body = decodeBody(
      p.slice(at).replace(/^\r?\n\r?\n/, ""),
      h.get("content-transfer-encoding") ?? "",
    );
    if ((h.get("content-type") ?? "").startsWith("text/html")) html = body;
    else text = body;
  }
  return { subject, text, html };
}
