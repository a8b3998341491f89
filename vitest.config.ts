import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Live and browser suites talk to a real Odoo; they skip themselves when ODOO_URL is unset.
    testTimeout: 20_000,
    pool: "forks",
  },
});
