/**
 * Builds the console (web/) to dist/web/ as static files: `vite build --config web/vite.config.ts`.
 * Relative asset paths (base "./") so the build also works opened from any folder or static host.
 * TSX is transformed by Vite itself (Oxc) with Preact's JSX runtime (jsxImportSource in tsconfig).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "./",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  worker: { format: "es" },
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] } },
});
