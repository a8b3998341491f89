import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The frontend imports Odoo's web client as `@web/...`; in tests those modules are small fakes
    // with the same shapes (test/frontend/web/), and `@odoo/owl` is the npm package.
    alias: [
      {
        find: /^@web\/(.*)$/,
        replacement: fileURLToPath(new URL("./test/frontend/web/$1.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Live and browser suites talk to a real Odoo; they skip themselves when ODOO_URL is unset.
    testTimeout: 20_000,
    pool: "forks",
  },
});
