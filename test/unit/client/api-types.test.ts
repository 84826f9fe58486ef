import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateApiTypes } from "@/client/generate-api-types";

describe("client/api-types.ts", () => {
  it("should match the OpenAPI document (run `npm run client:generate` after changing the API)", async () => {
    const committed = readFileSync(path.resolve("client/api-types.ts"), "utf8");
    expect(await generateApiTypes()).toBe(committed);
  });
});
