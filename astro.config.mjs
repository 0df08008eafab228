// Astro only lays out what the pipeline computed: the portrait models are read from
// PORTRAITS_BUILD_DIR and the site is written to PORTRAITS_OUT_DIR (a fresh folder that the
// build command swaps into place once everything succeeded).
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  outDir: process.env.PORTRAITS_OUT_DIR ?? "dist",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  prefetch: false,
});
