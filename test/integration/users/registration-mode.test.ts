// HOOKLINE_REGISTRATION: after the first account (the operator), registration is by invitation
// unless the setting says `open`; `closed` refuses every later registration. Through the route
// the register form calls, on a fresh database.
import { afterEach, describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/account/register/route";
import { db } from "@/lib/db";
import { env, reloadEnv } from "@/lib/env";
import { createInvite } from "@/lib/invites";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createTenant } from "../../helpers/fixtures";

let address = 0;
const registerAs = (body: Record<string, unknown>) =>
  callRoute(register, {
    params: {},
    body: { password: "long enough password", ...body },
    // Each call from its own address: the per-address registration limit is not under test here.
    headers: { "x-forwarded-for": `192.0.2.${++address}` },
  });

function setMode(mode: string | undefined) {
  if (mode === undefined) delete process.env.HOOKLINE_REGISTRATION;
  else process.env.HOOKLINE_REGISTRATION = mode;
  reloadEnv();
}

describe("registration modes", () => {
  useTestDatabase();
  afterEach(() => setMode(undefined));

  it("should let the first account register in any mode, even closed, as the operator", async () => {
    setMode("closed");
    const first = await registerAs({ email: "operator@example.test" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ user: { isOperator: true } });
  });

  it("should refuse a later registration without an invite by default (invite), creating nothing", async () => {
    const [users, tenants] = [await db().user.count(), await db().tenant.count()];
    const refused = await registerAs({ email: "stranger@example.test", tenantName: "Mine" });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: { code: "registration_closed", message: expect.stringContaining("by invitation") },
    });
    expect([await db().user.count(), await db().tenant.count()]).toEqual([users, tenants]);
  });

  it("should let an invited person register by default, joining the inviting tenant", async () => {
    const tenantId = await createTenant("Inviting");
    const invite = await createInvite({ tenantId, role: "owner" }, { email: "invited@example.test", role: "admin" });
    const registered = await registerAs({ email: "invited@example.test", inviteToken: invite.token });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ tenantId, user: { isOperator: false } });
  });

  it("should let anyone register with a tenant of their own when open", async () => {
    setMode("open");
    const registered = await registerAs({ email: "anyone@example.test", tenantName: "Anyone's" });
    expect(registered.status).toBe(201);
    const { tenantId } = registered.body as { tenantId: string };
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).name).toBe("Anyone's");
  });

  it("should refuse every later registration when closed, invited or not", async () => {
    setMode("closed");
    const tenantId = await createTenant("Closed");
    const invite = await createInvite({ tenantId, role: "owner" }, { email: "late@example.test", role: "viewer" });
    for (const body of [{ email: "late@example.test", inviteToken: invite.token }, { email: "other@example.test" }]) {
      const refused = await registerAs(body);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        error: { code: "registration_closed", message: expect.stringContaining("closed") },
      });
    }
    expect(await db().user.count({ where: { email: "late@example.test" } })).toBe(0);
  });

  it("should refuse a value other than open, invite or closed at start-up", () => {
    setMode("maybe");
    expect(() => env()).toThrow(/HOOKLINE_REGISTRATION/);
  });
});
