// An endpoint's attempt log (GET …/endpoints/{e}/attempts): every try to that endpoint,
// whatever the message, newest first, with the message's event type; nothing of other endpoints.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as attemptsRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/attempts/route";
import { publishMessages } from "@/lib/messages/publish-messages";
import { callRoute } from "../../helpers/api";
import { recordAttempt } from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

describe("endpoint attempts API", () => {
  useTestDatabase();
  let tenantId: string;
  let key: string;
  let endpointId: string;
  let otherEndpointId: string;
  const attemptIds: string[] = [];

  beforeAll(async () => {
    tenantId = await createTenant();
    key = await createApiKey({ tenantId, role: "viewer" });
    await createTestEventType({ name: "invoice.paid" });
    await createTestEventType({ name: "customer.created" });
    endpointId = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/a" })).id;
    otherEndpointId = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/b" })).id;
    const messages = await publishMessages(tenantId, [
      { eventType: "invoice.paid", payload: {} },
      { eventType: "customer.created", payload: {} },
    ]);
    attemptIds.push(await recordAttempt(tenantId, messages[0]!.id, endpointId, 1));
    attemptIds.push(await recordAttempt(tenantId, messages[1]!.id, endpointId, 1));
    attemptIds.push(await recordAttempt(tenantId, messages[0]!.id, endpointId, 2));
    await recordAttempt(tenantId, messages[0]!.id, otherEndpointId, 1);
  });

  it("should list the endpoint's attempts newest first with their message's event type", async () => {
    const response = await callRoute(attemptsRoute, { params: { tenant: tenantId, endpoint: endpointId }, key });
    expect(response.status).toBe(200);
    const page = response.body as {
      data: Array<{ id: string; endpointId: string; eventType: string; number: number; responseStatus: number }>;
      nextCursor: string | null;
    };
    expect(page.data.map((attempt) => attempt.id)).toEqual([...attemptIds].reverse());
    expect(page.data.map((attempt) => attempt.eventType)).toEqual(["invoice.paid", "customer.created", "invoice.paid"]);
    expect(page.data.every((attempt) => attempt.endpointId === endpointId && attempt.responseStatus === 500)).toBe(
      true,
    );
    expect(page.nextCursor).toBeNull();
  });

  it("should answer 404 for another tenant's endpoint", async () => {
    const otherTenant = await createTenant("Other");
    const foreign = (await createTestEndpoint(otherTenant, { url: "http://127.0.0.1:9/c" })).id;
    const response = await callRoute(attemptsRoute, { params: { tenant: tenantId, endpoint: foreign }, key });
    expect(response.status).toBe(404);
  });
});
