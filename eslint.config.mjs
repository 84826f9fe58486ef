import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-e2e/**",
      ".next-bench/**",
      ".data/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      ".cache/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      // The house layering (STYLE.md): app/ never imports worker/, worker/ never imports app/.
      "no-restricted-imports": "off",
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/worker/*", "**/worker/*"], message: "app/ must not import worker/; share code through lib/." },
            // Pages and routes reach the database through lib/ functions only (STYLE.md).
            {
              group: ["@/lib/db", "**/lib/db", "@/lib/generated/*", "**/lib/generated/*", "@prisma/*"],
              message: "app/ and components/ do not talk to the database: call a lib/ function.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "**/app/*", "@/worker/*", "**/worker/*", "@/components/*", "**/components/*"],
              message: "lib/ is shared by web and worker: it imports neither app/, components/ nor worker/.",
            },
            {
              group: ["@/client", "@/client/*", "../client/*", "../../client/*", "../../../client/*"],
              message: "lib/ is server domain code: the browser's client/ builds on it, not the other way round.",
            },
          ],
        },
      ],
    },
  },
  {
    // The browser's API client and hooks: they reach the server through /api/v1, never directly.
    files: ["client/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "**/lib/db", "@/lib/generated/*", "**/lib/generated/*", "@prisma/*"],
              message: "client/ is browser code: it reaches the database through the API only.",
            },
            {
              group: ["@/app/*", "**/app/*", "@/components/*", "**/components/*", "@/worker/*", "**/worker/*"],
              message: "client/ is what components/ builds on: it imports neither app/, components/ nor worker/.",
            },
            {
              group: ["@/server/*", "**/server/*"],
              message: "client/ is browser code: it imports no server process code.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["worker/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "**/app/*", "@/components/*"],
              message: "worker/ must not import app/; share code through lib/.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
