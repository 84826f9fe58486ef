// npm run seed:demo – fill a Hookline with demo data (lib/demo/seed-demo.ts): an operator, a
// tenant user, an event catalog, three playground endpoints and days of history. Uses
// DATABASE_URL, or the embedded PostgreSQL of the data directory (started if `npm start` is
// not running). Run it with the same settings as the server (HOOKLINE_DATA_DIR or
// HOOKLINE_ENCRYPTION_KEY, HOOKLINE_PUBLIC_URL), so that the server can read the endpoints'
// secrets and the worker reaches the playground. `--json` prints the result as JSON.
import "./lib/quiet-library-logs";
import { encryptionKeys } from "../lib/crypto/secret-box";
import { closeDb } from "../lib/db";
import { migrate } from "../server/migrate";
import { seedDemo, type DemoSeedResult } from "../lib/demo/seed-demo";
import { reloadEnv } from "../lib/env";
import { withDatabase } from "../server/database-url";

const json = process.argv.includes("--json");
const say = (line = "") => {
  if (!json) process.stdout.write(`${line}\n`);
};

function report(result: DemoSeedResult, seconds: string, createdKeyFile: string | undefined): void {
  const { operator, user, tenant, history } = result;
  say(`[seed:demo] done in ${seconds} s`);
  if (createdKeyFile) {
    say(`[seed:demo] generated the encryption key for secrets at rest: ${createdKeyFile}`);
    say(`            the server must use the same one (same HOOKLINE_DATA_DIR, or HOOKLINE_ENCRYPTION_KEY)`);
  }
  say();
  say(
    operator.reused
      ? `Operator:     ${operator.email} (already existed: reused, password unchanged)`
      : `Operator:     ${operator.email}  password: ${operator.password}`,
  );
  say(`Tenant user:  ${user.email}  password: ${user.password}  (owner of “${tenant.name}”)`);
  say();
  say(
    `Tenant ${tenant.id}${tenant.replaced ? ` (replaces ${tenant.replaced} earlier demo tenant${tenant.replaced > 1 ? "s" : ""})` : ""}`,
  );
  say(
    `  catalog: ${result.eventTypes.created.length} event types added${result.eventTypes.kept.length ? `, ${result.eventTypes.kept.length} already there` : ""}`,
  );
  for (const endpoint of result.endpoints) say(`  endpoint ${endpoint.mode.padEnd(5)} ${endpoint.url}`);
  say(
    `  history: ${history.messages} messages, ${history.deliveries} deliveries, ${history.attempts} attempts; ${result.live.messageIds.length} messages published just now`,
  );
  say(`  API key (admin, shown once): ${result.apiKey}`);
  say();
  say(`Sign in at ${result.publicUrl}/sign-in. The playground endpoints point at ${result.publicUrl}: if Hookline`);
  say(`runs elsewhere, run this again with HOOKLINE_PUBLIC_URL set to its address.`);
  say(`The README's examples use these (paste into the shell you run them in):`);
  say(`  export TENANT=${tenant.id} API_KEY=${result.apiKey}`);
  say(`Publish more:`);
  say(
    `  curl -X POST ${result.publicUrl}/api/v1/tenants/${tenant.id}/messages -H "Authorization: Bearer ${result.apiKey}" \\`,
  );
  say(
    `    -H "Content-Type: application/json" -d '{"eventType": "invoice.paid", "payload": {"id": "in_42", "customer": "cus_42", "amount_paid": 4200, "currency": "usd", "paid_at": "2026-01-15T10:30:00Z"}}'`,
  );
}

const started = performance.now();
await withDatabase(async (url) => {
  say("[seed:demo] preparing the database…");
  await migrate(url);
  // The settings were read before the database URL was known (to find the data directory): read again.
  process.env.DATABASE_URL = url;
  reloadEnv();
  try {
    const result = await seedDemo();
    const seconds = ((performance.now() - started) / 1_000).toFixed(1);
    if (json) process.stdout.write(`${JSON.stringify({ ...result, seconds: Number(seconds) })}\n`);
    else report(result, seconds, (await encryptionKeys()).createdKeyFile);
  } finally {
    await closeDb();
  }
});
