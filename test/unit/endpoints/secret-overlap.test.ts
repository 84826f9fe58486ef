import { describe, expect, it } from "vitest";
import { inOverlap, overlapUntil, signingSecrets } from "@/lib/endpoints/secret-overlap";

const NOW = Date.parse("2026-12-07T12:00:00.000Z");
const LATER = new Date(NOW + 60_000);
const EARLIER = new Date(NOW - 60_000);

describe("secret overlap", () => {
  it("should hold while its end is after now, and not at or after the end", () => {
    expect(inOverlap(LATER, NOW)).toBe(true);
    expect(inOverlap(LATER.toISOString(), NOW)).toBe(true);
    expect(inOverlap(new Date(NOW), NOW)).toBe(false);
    expect(inOverlap(EARLIER, NOW)).toBe(false);
    expect(inOverlap(null, NOW)).toBe(false);
  });

  it("should show until when the old secret signs, only while it does", () => {
    expect(overlapUntil(LATER, NOW)).toBe("2026-12-07T12:01:00.000Z");
    expect(overlapUntil(EARLIER, NOW)).toBeNull();
    expect(overlapUntil(null, NOW)).toBeNull();
  });

  it("should sign with the old secret next to the new one during the overlap only", () => {
    const rotated = { secret: "whsec_new", previousSecret: "whsec_old", previousSecretExpiresAt: LATER };
    expect(signingSecrets(rotated, NOW)).toEqual(["whsec_new", "whsec_old"]);
    expect(signingSecrets(rotated, LATER.getTime())).toEqual(["whsec_new"]);
    expect(signingSecrets({ ...rotated, previousSecretExpiresAt: EARLIER }, NOW)).toEqual(["whsec_new"]);
    expect(signingSecrets({ secret: "whsec_new", previousSecret: null, previousSecretExpiresAt: LATER }, NOW)).toEqual([
      "whsec_new",
    ]);
  });
});
