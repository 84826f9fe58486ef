// npm run client:generate – rewrite client/api-types.ts from the OpenAPI document.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { generateApiTypes } from "../client/generate-api-types";

const file = path.resolve(import.meta.dirname, "../client/api-types.ts");
writeFileSync(file, await generateApiTypes());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
