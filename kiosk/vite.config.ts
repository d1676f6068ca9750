// Build of the store kiosk: root kiosk/, output kiosk/dist, served by the
// server at /kiosk/. Three outputs: the page (Preact), the sync worker (ES
// module, worker/rpc.ts) and the service worker at dist/sw.js, into which the
// precache list of every built file is written here. Everything is bundled,
// no inline script, and the built page carries a strict CSP.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const publicDir = join(root, "public");
const version = (
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }
).version;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // The tablet may be paired with a server other than the one that served it.
  "connect-src 'self' http: https:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [relative(publicDir, full)];
  });
}

/** Writes the precache list and a content version into dist/sw.js. */
function serviceWorkerPrecache(): Plugin {
  return {
    name: "kiosk-sw-precache",
    apply: "build",
    // After vite:build-html, so index.html is in the bundle.
    enforce: "post",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CSP },
        injectTo: "head-prepend",
      },
    ],
    generateBundle(_options, bundle) {
      const sw = bundle["sw.js"];
      if (sw?.type !== "chunk") return this.error("sw.js was not built");
      const hash = createHash("sha256");
      const files: string[] = [];
      for (const [name, item] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (name === "sw.js" || name.endsWith(".map")) continue;
        files.push(name);
        hash.update(name).update(item.type === "chunk" ? item.code : item.source);
      }
      for (const name of listFiles(publicDir).sort()) {
        files.push(name.split("\\").join("/"));
        hash.update(name).update(readFileSync(join(publicDir, name)));
      }
      if (!files.includes("index.html")) return this.error("index.html is not in the bundle");
      const v = hash.digest("hex").slice(0, 16);
      sw.code = `self.__PRECACHE=${JSON.stringify(files)};self.__VERSION=${JSON.stringify(v)};\n${sw.code}`;
    },
  };
}

export default defineConfig({
  root,
  base: "/kiosk/",
  plugins: [preact({ devtoolsInProd: false, prefreshEnabled: false }), serviceWorkerPrecache()],
  define: { "import.meta.env.VITE_KIOSK_VERSION": JSON.stringify(version) },
  worker: {
    format: "es",
    rolldownOptions: { output: { entryFileNames: "assets/[name]-[hash].js" } },
  },
  build: {
    outDir: join(root, "dist"),
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    rolldownOptions: {
      input: { index: join(root, "index.html"), sw: join(root, "src/sw/service-worker.ts") },
      output: {
        entryFileNames: (chunk) => (chunk.name === "sw" ? "sw.js" : "assets/[name]-[hash].js"),
      },
    },
  },
  server: {
    proxy: { "/v1": "http://127.0.0.1:8787", "/health": "http://127.0.0.1:8787" },
  },
});
