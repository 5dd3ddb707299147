import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

const config = [
  { ignores: ["node_modules/**", ".next/**", ".next-*/**", "test/e2e/artifacts/**", "next-env.d.ts"] },
  ...next,
  ...ts,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
