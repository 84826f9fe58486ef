import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeInviteRoute } from "@/app/api/v1/tenants/[tenant]/invites/[invite]/route";
import { GET as listInvitesRoute, POST as createInviteRoute } from "@/app/api/v1/tenants/[tenant]/invites/route";
import {
  DELETE as removeMemberRoute,
  PATCH as updateMemberRoute,
} from "@/app/api/v1/tenants/[tenant]/members/[user]/route";
import { GET as listMembersRoute } from "@/app/api/v1/tenants/[tenant]/members/route";
import { db } from "@/lib/db";
import { hashInviteToken } from "@/lib/invites";
import { registerUser } from "@/lib/users";
import { callRoute } from "../../helpers/api";
import { freshMember } from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant } from "../../helpers/fixtures";

describe("members and invites API", () => {
  useTestDatabase();
  let tenantId: string;
  let ownerKey: string;
  let ownerId: string;

  beforeAll(async () => {
    tenantId = await createTenant("Acme");
    ownerKey = await createApiKey({ tenantId, role: "owner" });
    ownerId = await freshMember(tenantId, "owner");
  });

  const membership = (userId: string) =>
    db().membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } });

  it("should list members with their email and role", async () => {
    const viewer = await freshMember(tenantId, "viewer");
    const response = await callRoute(listMembersRoute, { params: { tenant: tenantId }, key: ownerKey });
    const data = (response.body as { data: Array<{ userId: string; role: string; email: string }> }).data;
    expect(data.map((member) => member.userId)).toEqual(expect.arrayContaining([ownerId, viewer]));
    expect(data.find((member) => member.userId === viewer)).toMatchObject({
      role: "viewer",
      email: expect.stringContaining("@example.test"),
    });
  });

  it("should change a member's role and remove a member", async () => {
    const userId = await freshMember(tenantId, "viewer");
    const updated = await callRoute(updateMemberRoute, {
      params: { tenant: tenantId, user: userId },
      key: ownerKey,
      body: { role: "admin" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ userId, role: "admin" });
    const removed = await callRoute(removeMemberRoute, {
      params: { tenant: tenantId, user: userId },
      key: ownerKey,
      method: "DELETE",
    });
    expect(removed.status).toBe(204);
    expect(await membership(userId)).toBeNull();
  });

  it("should never leave a tenant without an owner", async () => {
    const demote = await callRoute(updateMemberRoute, {
      params: { tenant: tenantId, user: ownerId },
      key: ownerKey,
      body: { role: "admin" },
    });
    expect(demote.status).toBe(409);
    expect(demote.body).toMatchObject({ error: { code: "last_owner" } });
    const remove = await callRoute(removeMemberRoute, {
      params: { tenant: tenantId, user: ownerId },
      key: ownerKey,
      method: "DELETE",
    });
    expect(remove.status).toBe(409);
    expect(await membership(ownerId)).toMatchObject({ role: "owner" });

    // With a second owner, either may step down — but two racing demotions leave one owner.
    const second = await freshMember(tenantId, "owner");
    const results = await Promise.all(
      [ownerId, second].map((user) =>
        callRoute(updateMemberRoute, { params: { tenant: tenantId, user }, key: ownerKey, body: { role: "viewer" } }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(await db().membership.count({ where: { tenantId, role: "owner" } })).toBe(1);
  });

  it("should answer 404 for someone who is not a member", async () => {
    const outsider = await freshMember(await createTenant("Elsewhere"), "viewer");
    const response = await callRoute(updateMemberRoute, {
      params: { tenant: tenantId, user: outsider },
      key: ownerKey,
      body: { role: "admin" },
    });
    expect(response.status).toBe(404);
  });

  it("should create an invite whose token is shown once and stored only as a hash", async () => {
    const response = await callRoute(createInviteRoute, {
      params: { tenant: tenantId },
      key: ownerKey,
      body: { email: "Ada@Example.TEST", role: "admin" },
    });
    expect(response.status).toBe(201);
    const invite = response.body as {
      id: string;
      token: string;
      url: string;
      email: string;
      status: string;
      expiresAt: string;
    };
    expect(invite).toMatchObject({ email: "ada@example.test", role: "admin", status: "pending" });
    expect(invite.url).toMatch(new RegExp(`/invite/${invite.token}$`));
    expect(new Date(invite.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);
    const row = await db().invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toBe(hashInviteToken(invite.token));
    expect(JSON.stringify(row)).not.toContain(invite.token);
    const listed = await callRoute(listInvitesRoute, { params: { tenant: tenantId }, key: ownerKey });
    expect(JSON.stringify(listed.body)).not.toContain(invite.token);

    // The invitee registers with it and joins with the invited role.
    const registration = await registerUser({
      email: "ada@example.test",
      password: "correct horse",
      inviteToken: invite.token,
    });
    expect(registration.tenantId).toBe(tenantId);
    expect(await membership(registration.user.id)).toMatchObject({ role: "admin" });
    const after = await callRoute(listInvitesRoute, { params: { tenant: tenantId }, key: ownerKey });
    expect(
      (after.body as { data: Array<{ id: string; status: string }> }).data.find((row) => row.id === invite.id)?.status,
    ).toBe("accepted");

    // Accepted invites cannot be revoked, and a member cannot be invited again.
    expect(
      (
        await callRoute(revokeInviteRoute, {
          params: { tenant: tenantId, invite: invite.id },
          key: ownerKey,
          method: "DELETE",
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await callRoute(createInviteRoute, {
          params: { tenant: tenantId },
          key: ownerKey,
          body: { email: "ada@example.test" },
        })
      ).status,
    ).toBe(409);
  });

  it("should revoke a pending invite (twice is fine)", async () => {
    const created = await callRoute(createInviteRoute, {
      params: { tenant: tenantId },
      key: ownerKey,
      body: { email: "bob@example.test" },
    });
    const id = (created.body as { id: string }).id;
    expect(created.body).toMatchObject({ role: "viewer" });
    for (let index = 0; index < 2; index++) {
      expect(
        (
          await callRoute(revokeInviteRoute, {
            params: { tenant: tenantId, invite: id },
            key: ownerKey,
            method: "DELETE",
          })
        ).status,
      ).toBe(204);
    }
    expect((await db().invite.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
  });

  it.each([
    { name: "a malformed email", body: { email: "not-an-email" }, path: "email" },
    { name: "an unknown role", body: { email: "x@example.test", role: "god" }, path: "role" },
  ])("should refuse an invite with $name", async ({ body, path }) => {
    const before = await db().invite.count();
    const response = await callRoute(createInviteRoute, { params: { tenant: tenantId }, key: ownerKey, body });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { details: [expect.objectContaining({ path })] } });
    expect(await db().invite.count()).toBe(before);
  });
});
