// Build of the managers' web app: root server/web, output server/web/dist,
// served by the server at `/`. Everything is bundled (no CDN, no inline script)
// so the page runs under a strict Content-Security-Policy.
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [preact({ devtoolsInProd: false, prefreshEnabled: false })],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    target: "es2022",
    // Inline assets would need data: URLs in the CSP; keep them as files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { "/v1": "http://127.0.0.1:8787", "/health": "http://127.0.0.1:8787" },
  },
});
