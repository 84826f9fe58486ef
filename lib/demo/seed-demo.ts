// `npm run seed:demo`: a Hookline worth looking at on first sign-in. An operator (the existing
// one when there is one), a tenant user, a catalog of billing events, a demo tenant with three
// endpoints at the built-in playground receiver (ok, flaky, slow), days of history behind them,
// an API key, and a few messages published right now for the worker to deliver for real.
// Running it again replaces the demo tenant (and resets the demo user's password); the catalog
// and the operator are kept.
import "server-only";
import { randomBytes } from "node:crypto";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { parseRetrySchedule } from "@/lib/queue/retry-policy";
import { env } from "@/lib/env";
import { createEventType } from "@/lib/event-types/create-event-type";
import { newId } from "@/lib/ids";
import { publishMessages } from "@/lib/messages/publish-messages";
import { createPlaygroundEndpoint, type PlaygroundMode } from "@/lib/playground";
import { createTenant } from "@/lib/tenants/create-tenant";
import { hashPassword } from "@/lib/users/password";
import { DEMO_EVENT_TYPES, DEMO_TRAFFIC_WEIGHTS } from "./demo-catalog";
import { generateDemoHistory, type HistoryCounts, type HistoryEndpoint } from "./generate-history";

export const DEMO_OPERATOR_EMAIL = "operator@demo.hookline.dev";
export const DEMO_USER_EMAIL = "demo@demo.hookline.dev";
export const DEMO_TENANT_NAME = "Acme Billing (demo)";

const DEMO_ENDPOINTS: Array<{ mode: PlaygroundMode; description: string; eventTypes: string[]; timeoutMs: number }> = [
  { mode: "ok", description: "Billing service: every event, answers at once", eventTypes: [], timeoutMs: 15_000 },
  {
    mode: "flaky",
    description: "CRM sync: customers and subscriptions, fails a third of the time",
    eventTypes: ["customer.created", "customer.updated", "subscription.created", "subscription.canceled"],
    timeoutMs: 15_000,
  },
  {
    mode: "slow",
    description: "Data warehouse: money movements, answers in 1–3 s",
    eventTypes: ["invoice.paid", "charge.refunded", "payout.paid"],
    timeoutMs: 10_000,
  },
];

export interface DemoSeedOptions {
  /** Where this Hookline is reached (HOOKLINE_PUBLIC_URL): the playground endpoints point there. */
  publicUrl?: string;
  days?: number;
  messagesPerMinute?: number;
  now?: Date;
}

export interface DemoSeedResult {
  operator: { email: string; password: string | null; reused: boolean };
  user: { email: string; password: string };
  tenant: { id: string; name: string; replaced: number };
  endpoints: Array<{ id: string; mode: PlaygroundMode; url: string }>;
  eventTypes: { created: string[]; kept: string[] };
  history: HistoryCounts;
  live: { messageIds: string[] };
  apiKey: string;
  publicUrl: string;
}

const newPassword = () => randomBytes(12).toString("base64url");

/** The first operator, or a new one when the installation has none. */
async function ensureOperator(): Promise<DemoSeedResult["operator"]> {
  const existing = await db().user.findFirst({
    where: { isOperator: true },
    orderBy: { createdAt: "asc" },
    select: { email: true },
  });
  if (existing) return { email: existing.email, password: null, reused: true };
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  await db().user.upsert({
    where: { email: DEMO_OPERATOR_EMAIL },
    create: { id: newId("user"), email: DEMO_OPERATOR_EMAIL, name: "Demo Operator", passwordHash, isOperator: true },
    update: { passwordHash, isOperator: true },
  });
  return { email: DEMO_OPERATOR_EMAIL, password, reused: false };
}

async function ensureDemoUser(): Promise<{ id: string; email: string; password: string }> {
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  const user = await db().user.upsert({
    where: { email: DEMO_USER_EMAIL },
    create: { id: newId("user"), email: DEMO_USER_EMAIL, name: "Dana Demo", passwordHash },
    update: { passwordHash },
    select: { id: true },
  });
  return { id: user.id, email: DEMO_USER_EMAIL, password };
}

async function ensureCatalog(): Promise<DemoSeedResult["eventTypes"]> {
  const existing = new Set(
    (
      await db().eventType.findMany({
        where: { name: { in: DEMO_EVENT_TYPES.map((type) => type.name) } },
        select: { name: true },
      })
    ).map((row) => row.name),
  );
  const created: string[] = [];
  for (const type of DEMO_EVENT_TYPES) {
    if (existing.has(type.name)) continue;
    await createEventType(type);
    created.push(type.name);
  }
  return { created, kept: [...existing] };
}

/** Earlier demo tenants of the demo user go, with everything in them (cascade). */
async function removeEarlierDemoTenants(userId: string): Promise<number> {
  const { count } = await db().tenant.deleteMany({
    where: { name: DEMO_TENANT_NAME, memberships: { some: { userId, role: "owner" } } },
  });
  return count;
}

/** One message of each live type, published now: the worker delivers these for real. */
async function publishLiveMessages(tenantId: string): Promise<string[]> {
  const live = await db().eventType.findMany({
    where: { name: { in: DEMO_EVENT_TYPES.map((type) => type.name) }, archivedAt: null },
    select: { name: true },
  });
  const names = new Set(live.map((row) => row.name));
  const inputs = DEMO_EVENT_TYPES.filter((type) => names.has(type.name)).map((type) => ({
    eventType: type.name,
    payload: type.example,
  }));
  if (!inputs.length) return [];
  return (await publishMessages(tenantId, inputs)).map((message) => message.id);
}

export async function seedDemo(options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const settings = env();
  const publicUrl = options.publicUrl ?? settings.HOOKLINE_PUBLIC_URL;
  const now = options.now ?? new Date();
  const days = options.days ?? 3;

  const operator = await ensureOperator();
  const user = await ensureDemoUser();
  const eventTypes = await ensureCatalog();
  const replaced = await removeEarlierDemoTenants(user.id);
  const tenant = await createTenant({ name: DEMO_TENANT_NAME }, { ownerUserId: user.id });
  // Everything looks as old as its history.
  const since = new Date(now.getTime() - (days + 1) * 86_400_000);
  await db().tenant.update({ where: { id: tenant.id }, data: { createdAt: since } });

  const endpoints: HistoryEndpoint[] = [];
  for (const spec of DEMO_ENDPOINTS) {
    const endpoint = await createPlaygroundEndpoint(tenant.id, spec.mode, publicUrl, {
      description: spec.description,
      eventTypes: spec.eventTypes,
      timeoutMs: spec.timeoutMs,
    });
    await db().endpoint.update({ where: { id: endpoint.id }, data: { createdAt: since } });
    endpoints.push({
      id: endpoint.id,
      mode: spec.mode,
      url: endpoint.url,
      eventTypes: spec.eventTypes,
      timeoutMs: spec.timeoutMs,
    });
  }

  const history = await generateDemoHistory({
    tenantId: tenant.id,
    endpoints,
    eventTypes: DEMO_EVENT_TYPES.map((type) => ({
      name: type.name,
      example: type.example,
      weight: DEMO_TRAFFIC_WEIGHTS[type.name] ?? 1,
    })),
    days,
    messagesPerMinute: options.messagesPerMinute ?? 1.2,
    schedule: parseRetrySchedule(settings.HOOKLINE_RETRY_SCHEDULE),
    now,
  });
  const messageIds = await publishLiveMessages(tenant.id);
  const key = await createApiKey(
    { kind: "platform", keyId: null },
    { name: "Demo backend", tenantId: tenant.id, role: "admin" },
  );

  return {
    operator,
    user: { email: user.email, password: user.password },
    tenant: { id: tenant.id, name: tenant.name, replaced },
    endpoints: endpoints.map(({ id, mode, url }) => ({ id, mode, url })),
    eventTypes,
    history,
    live: { messageIds },
    apiKey: key.key,
    publicUrl,
  };
}
