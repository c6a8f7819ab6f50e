import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".sandbox/**", ".venv-sandbox/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // What ships may not import the AGPL policy simulator (a dev-only test oracle; see scripts/check-licences.mjs).
    files: ["app/**", "lib/**", "components/**", "instrumentation.ts", "proxy.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@cloud-copilot/*"], message: "AGPL: dev-only test oracle, never in shipped code." }] }],
    },
  },
];

export default config;
