import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { parseEnv } from "@/lib/env";

const directive = (csp: string, name: string) => csp.split("; ").find((part) => part.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  it("should allow scripts only with the nonce, and never eval outside development", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123==" });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(contentSecurityPolicy({ nonce: "n", development: true }), "script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it.each([
    { name: "nobody by default", origins: undefined, expected: "frame-ancestors 'none'" },
    { name: "nobody for an empty list", origins: [], expected: "frame-ancestors 'none'" },
    {
      name: "the allowed origins",
      origins: ["https://app.example.com", "http://localhost:4000"],
      expected: "frame-ancestors https://app.example.com http://localhost:4000",
    },
  ])("should let $name frame the page", ({ origins, expected }) => {
    expect(directive(contentSecurityPolicy({ nonce: "n", frameAncestors: origins }), "frame-ancestors")).toBe(expected);
  });
});

describe("HOOKLINE_PORTAL_ALLOWED_ORIGINS", () => {
  it.each(["https://app.example.com", "https://a.example.com,http://localhost:3000", ""])(
    "should accept %j",
    (value) => {
      expect(() => parseEnv({ HOOKLINE_PORTAL_ALLOWED_ORIGINS: value })).not.toThrow();
    },
  );

  it.each([
    "https://app.example.com/",
    "https://app.example.com/settings",
    "app.example.com",
    "javascript:alert(1)",
    "https://*.example.com",
    "https://a.com 'unsafe-inline'",
  ])("should refuse %j (it would become a CSP source)", (value) => {
    expect(() => parseEnv({ HOOKLINE_PORTAL_ALLOWED_ORIGINS: value })).toThrow(/HOOKLINE_PORTAL_ALLOWED_ORIGINS/);
  });
});
