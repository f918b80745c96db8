import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // One copy of graphql for type-graphql, Apollo and the tests ("another module or realm").
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    setupFiles: ["reflect-metadata"],
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: PGlite is a WebAssembly PostgreSQL per test file, so keep it to two at a time.
    maxWorkers: 2,
    env: { NODE_ENV: "test" },
  },
});
