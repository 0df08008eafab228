// Astro only lays out what the pipeline computed: the portrait models are read from
// PORTRAITS_BUILD_DIR and the site is written to PORTRAITS_OUT_DIR (a fresh folder that the
// build command swaps into place once everything succeeded), for the path PORTRAITS_BASE it is
// published under (the model's base, which the pages' own links use).
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  outDir: process.env.PORTRAITS_OUT_DIR ?? "dist",
  base: process.env.PORTRAITS_BASE ?? "/",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  prefetch: false,
  // Each page carries its Content-Security-Policy (a <meta>, so it holds on hosts that set no headers):
  // nothing from elsewhere, the inline script and styles allowed by their hashes (README, « Publier »).
  security: {
    csp: {
      algorithm: "SHA-256",
      directives: ["default-src 'none'", "img-src 'self'", "font-src 'self'", "connect-src 'self'", "form-action 'self'", "base-uri 'none'"],
    },
  },
});
