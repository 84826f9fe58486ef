// The dashboard's session cookie authenticates /api/v1 calls too; a call that changes something
// must come from our own origin, so a cross-site page cannot act with the user's session.
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMessages, POST as publish } from "@/app/api/v1/tenants/[tenant]/messages/route";
import { sessionSecret } from "@/lib/auth/session-secret";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEventType } from "../../helpers/fixtures";

describe("session-authenticated API calls", () => {
  useTestDatabase();
  let tenantId: string;
  let cookie: string;

  beforeAll(async () => {
    tenantId = await createTenant();
    await createTestEventType({ name: "csrf.test" });
    const user = await db().user.create({
      data: { id: newId("user"), email: "csrf@example.test", passwordHash: "unused", isOperator: false },
    });
    await db().membership.create({ data: { tenantId, userId: user.id, role: "admin" } });
    const token = await encode({ token: { uid: user.id, op: false, email: user.email }, secret: sessionSecret() });
    cookie = `next-auth.session-token=${token}`;
  });

  const send = (headers: Partial<Record<"origin" | "sec-fetch-site", string>>) =>
    callRoute(publish, {
      params: { tenant: tenantId },
      body: { eventType: "csrf.test", payload: {} },
      headers: {
        cookie,
        host: "hookline.test",
        ...Object.fromEntries(
          Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
        ),
      },
    });

  it.each([
    { name: "same origin (Origin header)", headers: { origin: "http://hookline.test" }, expected: 202 },
    { name: "same origin (Sec-Fetch-Site)", headers: { "sec-fetch-site": "same-origin" }, expected: 202 },
    { name: "another origin", headers: { origin: "https://evil.example" }, expected: 403 },
    {
      name: "a cross-site fetch",
      headers: { origin: "http://hookline.test", "sec-fetch-site": "cross-site" },
      expected: 403,
    },
    { name: "no origin information at all", headers: {}, expected: 403 },
  ])("should answer a publish from $name with $expected", async ({ headers, expected }) => {
    const response = await send(headers);
    expect(response.status).toBe(expected);
    if (expected === 403) expect(response.body).toMatchObject({ error: { code: "forbidden" } });
  });

  it("should let a cross-site page read nothing it could not anyway (reads are not state-changing, CORS keeps the answer)", async () => {
    const response = await callRoute(listMessages, {
      params: { tenant: tenantId },
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("should refuse a tampered session cookie", async () => {
    const response = await callRoute(publish, {
      params: { tenant: tenantId },
      body: { eventType: "csrf.test", payload: {} },
      headers: { cookie: `${cookie}x`, origin: "http://hookline.test", host: "hookline.test" },
    });
    expect(response.status).toBe(401);
  });
});
