// Accounts (lib/users, lib/invites): the first account is the operator, later ones own a tenant
// or join one by invite; passwords are argon2id; invites are single use, bound to their email,
// and expire; sign-in is rate limited per account and address.
process.env.HOOKLINE_REGISTRATION = "open"; // later accounts register with a tenant of their own (modes: registration-mode.test.ts)

import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptInvite, createInvite } from "@/lib/invites";
import { registerUser, verifyCredentials } from "@/lib/users";
import { useTestDatabase } from "../../helpers/database";
import { createTenant } from "../../helpers/fixtures";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) =>
      error instanceof AppError ? error.code : error instanceof ZodError ? "validation" : String(error),
  );

describe("accounts", () => {
  useTestDatabase();

  it("should make exactly one operator of simultaneous first registrations", async () => {
    const registrations = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        registerUser({ email: `first${index}@example.test`, password: "long enough password" }),
      ),
    );
    expect(registrations.filter((registration) => registration.user.isOperator)).toHaveLength(1);
    const operator = registrations.find((registration) => registration.user.isOperator)!;
    expect(operator.tenantId).toBeNull();
    // Everyone else owns a tenant of their own.
    for (const registration of registrations.filter((candidate) => !candidate.user.isOperator)) {
      const membership = await db().membership.findUniqueOrThrow({
        where: { tenantId_userId: { tenantId: registration.tenantId!, userId: registration.user.id } },
      });
      expect(membership.role).toBe("owner");
    }
  });

  it("should store an argon2id hash, never the password, and create the named tenant", async () => {
    const { user, tenantId } = await registerUser({
      email: "Grace@Example.test",
      password: "hunter2hunter2",
      name: "Grace",
      tenantName: "Navy",
    });
    expect(user).toMatchObject({ email: "grace@example.test", name: "Grace", isOperator: false });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("hunter2");
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenantId! } })).name).toBe("Navy");
  });

  it.each([
    {
      name: "a taken email (any case)",
      input: { email: "GRACE@example.test", password: "another password" },
      code: "email_taken",
    },
    { name: "a short password", input: { email: "short@example.test", password: "1234567" }, code: "validation" },
    { name: "a malformed email", input: { email: "nope", password: "long enough password" }, code: "validation" },
  ])("should refuse $name and create nothing", async ({ input, code }) => {
    const users = await db().user.count();
    const tenants = await db().tenant.count();
    expect(await codeOf(registerUser(input))).toBe(code);
    expect(await db().user.count()).toBe(users);
    expect(await db().tenant.count()).toBe(tenants);
  });

  describe("invites", () => {
    async function invite(email: string, role: "viewer" | "admin" | "owner" = "viewer") {
      const tenantId = await createTenant("Invites Inc");
      return createInvite({ tenantId, role: "owner" }, { email, role });
    }

    it("should be single use, even when two accepts race with it", async () => {
      const { tenantId, token } = await invite("racer@example.test", "admin");
      const { user } = await registerUser({ email: "racer@example.test", password: "long enough password" });
      const results = await Promise.all([0, 1].map(() => codeOf(acceptInvite(user.id, token))));
      expect(results.sort()).toEqual(["invite_invalid", "resolved"]);
      expect(
        await db().membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId, userId: user.id } } }),
      ).toMatchObject({ role: "admin" });
      // Nor can a registration use it afterwards.
      expect(
        await codeOf(
          registerUser({ email: "racer2@example.test", password: "long enough password", inviteToken: token }),
        ),
      ).toBe("invite_invalid");
    });

    it("should refuse an invite for another email, an expired one and a revoked one, creating no account", async () => {
      const forOther = await invite("someone@example.test");
      const expired = await invite("late@example.test");
      await db().invite.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
      const revoked = await invite("gone@example.test");
      await db().invite.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
      for (const [email, token] of [
        ["intruder@example.test", forOther.token],
        ["late@example.test", expired.token],
        ["gone@example.test", revoked.token],
        ["x@example.test", "made-up"],
      ] as const) {
        expect(await codeOf(registerUser({ email, password: "long enough password", inviteToken: token }))).toBe(
          "invite_invalid",
        );
        expect(await db().user.count({ where: { email } })).toBe(0);
      }
    });

    it("should let an existing user join, raising but never lowering a role", async () => {
      const { user } = await registerUser({ email: "joiner@example.test", password: "long enough password" });
      const first = await invite("joiner@example.test", "admin");
      expect(await acceptInvite(user.id, first.token)).toEqual({ tenantId: first.tenantId, role: "admin" });
      const lower = await createInvite(
        { tenantId: first.tenantId, role: "owner" },
        { email: "joiner@example.test", role: "viewer" },
      ).catch((error: AppError) => error.code);
      expect(lower).toBe("conflict"); // already a member
    });
  });

  describe("sign-in", () => {
    it("should accept the right password and refuse a wrong one or an unknown account alike", async () => {
      await registerUser({ email: "signin@example.test", password: "correct horse battery" });
      expect(
        await verifyCredentials({ email: "SignIn@example.test", password: "correct horse battery" }, "10.0.0.1"),
      ).toMatchObject({ email: "signin@example.test" });
      expect(await codeOf(verifyCredentials({ email: "signin@example.test", password: "wrong" }, "10.0.0.1"))).toBe(
        "invalid_credentials",
      );
      expect(await codeOf(verifyCredentials({ email: "nobody@example.test", password: "wrong" }, "10.0.0.1"))).toBe(
        "invalid_credentials",
      );
    });

    it("should rate limit attempts per account and address (10 a minute), with a retry time", async () => {
      await registerUser({ email: "target@example.test", password: "correct horse battery" });
      const codes: string[] = [];
      for (let index = 0; index < 12; index++)
        codes.push(
          await codeOf(verifyCredentials({ email: "target@example.test", password: `guess${index}` }, "203.0.113.7")),
        );
      expect(codes.slice(0, 10).every((code) => code === "invalid_credentials")).toBe(true);
      expect(codes.slice(10)).toEqual(["rate_limited", "rate_limited"]);
      const limited = await verifyCredentials(
        { email: "target@example.test", password: "correct horse battery" },
        "203.0.113.7",
      ).catch((error: AppError) => error);
      expect(limited).toMatchObject({
        code: "rate_limited",
        headers: { "retry-after": expect.stringMatching(/^\d+$/) },
      });
      // Another address, or another account from the same address, is not affected.
      expect(
        await verifyCredentials({ email: "target@example.test", password: "correct horse battery" }, "198.51.100.1"),
      ).toMatchObject({ email: "target@example.test" });
      expect(await codeOf(verifyCredentials({ email: "signin@example.test", password: "wrong" }, "203.0.113.7"))).toBe(
        "invalid_credentials",
      );
      // The count lives in PostgreSQL, shared by every web process.
      expect(await db().rateLimitBucket.count({ where: { key: { contains: "target@example.test" } } })).toBe(3); // two addresses, and the account
    });

    it("should also limit an account guessed at from many addresses (X-Forwarded-For can be forged) to five times the limit", async () => {
      await registerUser({ email: "spread@example.test", password: "correct horse battery" });
      const codes: string[] = [];
      // Each guess costs an argon2 verification, so the bucket refills a little meanwhile (50 a minute).
      for (let index = 0; index < 100 && codes.at(-1) !== "rate_limited"; index++)
        codes.push(
          await codeOf(
            verifyCredentials({ email: "spread@example.test", password: `guess${index}` }, `203.0.113.${index}`),
          ),
        );
      expect(codes.at(-1)).toBe("rate_limited");
      expect(codes.length).toBeGreaterThan(50);
      expect(codes.slice(0, -1).every((code) => code === "invalid_credentials")).toBe(true);
      // Other accounts are not affected.
      expect(await codeOf(verifyCredentials({ email: "signin@example.test", password: "wrong" }, "203.0.113.1"))).toBe(
        "invalid_credentials",
      );
    });
  });
});
