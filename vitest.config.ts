import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // Same inputs, same outputs: pin what varies between machines.
    env: { TZ: "Europe/Paris", LANG: "fr_FR.UTF-8" },
    testTimeout: 60_000,
  },
});
