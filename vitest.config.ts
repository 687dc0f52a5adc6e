import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Tests run against the TypeScript sources: the workspace packages resolve to `src/`, not `dist/`,
 * so a unit test never sees a stale build. Multi-process tests in `test/e2e` start the built
 * binaries, which `npm test` builds first.
 */
const alias = [
  { find: /^@tributary\/client\/internal\/generated\/(.*)$/, replacement: here("./packages/client/src/generated/$1.ts") },
  { find: /^@tributary\/(client|controller|broker)\/internal\/(.*)$/, replacement: here("./packages/$1/src/internal/$2.ts") },
  { find: /^@tributary\/(client|controller|broker)$/, replacement: here("./packages/$1/src/index.ts") },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "client", root: here("./packages/client"), include: ["src/**/*.test.ts"] } },
      { resolve: { alias }, test: { name: "controller", root: here("./packages/controller"), include: ["src/**/*.test.ts", "test/**/*.test.ts"] } },
      { resolve: { alias }, test: { name: "broker", root: here("./packages/broker"), include: ["src/**/*.test.ts", "test/**/*.test.ts"] } },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          root: here("./test/e2e"),
          include: ["**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Multi-process tests run after the unit tests, one file at a time: a cluster of six
          // processes is all a 2-core machine should be running.
          sequence: { groupOrder: 1 },
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
