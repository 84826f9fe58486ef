// An endpoint's optional name: set on create, changed or cleared by PATCH, returned by get and
// list, at most 100 characters (a longer one is a 422 naming the field, and writes nothing).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getRoute, PATCH as updateRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/route";
import { db } from "@/lib/db";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant } from "../../helpers/fixtures";

type View = { id: string; name: string | null; url: string };

describe("endpoint name", () => {
  useTestDatabase();
  let tenantId: string;
  let key: string;

  beforeAll(async () => {
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "admin" });
  });

  const create = (body: object) =>
    callRoute(createRoute, { params: { tenant: tenantId }, key, body: { url: "http://127.0.0.1:9/hook", ...body } });
  const patch = (id: string, body: object) =>
    callRoute(updateRoute, { params: { tenant: tenantId, endpoint: id }, key, body });
  const get = async (id: string) =>
    (await callRoute(getRoute, { params: { tenant: tenantId, endpoint: id }, key })).body as View;
  const listed = async (id: string) =>
    ((await callRoute(listRoute, { params: { tenant: tenantId }, key })).body as { data: View[] }).data.find(
      (view) => view.id === id,
    );

  it("should be null when not given", async () => {
    const created = await create({});
    expect(created.status).toBe(201);
    expect((created.body as View).name).toBeNull();
  });

  it("should be stored trimmed, shown by get and list, changed and cleared by PATCH", async () => {
    const created = await create({ name: "  Billing service  " });
    expect(created.status).toBe(201);
    const { id, name } = created.body as View;
    expect(name).toBe("Billing service");
    expect((await get(id)).name).toBe("Billing service");
    expect((await listed(id))?.name).toBe("Billing service");

    expect((await patch(id, { description: "untouched name" })).body).toMatchObject({ name: "Billing service" });
    expect((await patch(id, { name: "Billing (EU)" })).body).toMatchObject({ name: "Billing (EU)" });
    expect((await get(id)).name).toBe("Billing (EU)");
    expect((await patch(id, { name: "" })).body).toMatchObject({ name: null });
    expect((await patch(id, { name: "Again" })).body).toMatchObject({ name: "Again" });
    expect((await patch(id, { name: null })).body).toMatchObject({ name: null });
    expect((await db().endpoint.findUniqueOrThrow({ where: { id } })).name).toBeNull();
  });

  it.each([
    { name: "a name over 100 characters", body: { name: "n".repeat(101) } },
    { name: "a name that is not a string", body: { name: 42 } },
  ])("should refuse $name with 422 naming the field, on create and on update", async ({ body }) => {
    const before = await db().endpoint.count();
    const refused = await create(body);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      error: { code: "validation_failed", details: [expect.objectContaining({ path: "name" })] },
    });
    expect(await db().endpoint.count()).toBe(before);

    const { id } = (await create({ name: "Kept" })).body as View;
    const patched = await patch(id, body);
    expect(patched.status).toBe(422);
    expect((await get(id)).name).toBe("Kept");
  });

  it("should accept exactly 100 characters", async () => {
    const created = await create({ name: "n".repeat(100) });
    expect(created.status).toBe(201);
    expect((created.body as View).name).toHaveLength(100);
  });
});
