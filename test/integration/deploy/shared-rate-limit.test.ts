// The API rate limit holds across web processes (lib/rate-limit/shared-buckets.ts): two
// `npm run start:web` processes on one database, a limit of 10/s, publishes at 20/s spread over
// both. Counted per process, each would see 10/s against a limit of 10/s and refuse ~none; shared,
// about half are refused once the burst is spent.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createHooklineClient } from "@/client/hookline-client";
import { createDatabase } from "../../helpers/database";
import { startWeb } from "../../helpers/web-process";
import { eventually } from "../../helpers/worker";

const ADMIN_KEY = "shared-limit-admin-key-0123456789";
const LIMIT = 10;

describe("the API rate limit across web processes", { timeout: 400_000 }, () => {
  it("should refuse about half of 20 requests/s spread over two processes when the limit is 10/s", async () => {
    const database = await createDatabase({ migrated: false }); // the first start:web migrates it
    const env = {
      DATABASE_URL: database.url,
      HOOKLINE_ADMIN_API_KEY: ADMIN_KEY,
      HOOKLINE_PLATFORM_API_RATE_LIMIT: String(LIMIT),
    };
    // One after the other: the first builds the app when needed and migrates, the second reuses both.
    const first = await startWeb(env);
    const second = await startWeb(env);
    const urls = [first.url, second.url];

    const hookline = createHooklineClient({ baseUrl: urls[0]!, apiKey: ADMIN_KEY });
    const tenant = await hookline.tenants.create({ name: "Limited" });
    await hookline.eventTypes.create({ name: "limit.test" });
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the setup's tokens come back

    // Open loop: a request every 50 ms whatever the answers, alternating between the processes.
    const RATE = 20;
    const SECONDS = 8;
    const WARM_UP = 3; // the buckets start full (a burst of 2 × the limit in each process): not counted
    const started = Date.now();
    const sent: Array<Promise<{ second: number; status: number }>> = [];
    for (let n = 0; n < RATE * SECONDS; n++) {
      const due = started + (n * 1000) / RATE;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      sent.push(
        fetch(`${urls[n % 2]}/api/v1/tenants/${tenant.id}/messages`, {
          method: "POST",
          headers: { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
          body: JSON.stringify({ eventType: "limit.test", payload: { n } }),
        }).then(async (response) => {
          await response.arrayBuffer();
          return { second: n / RATE, status: response.status };
        }),
      );
    }
    const results = await Promise.all(sent);
    expect(results.every(({ status }) => status === 202 || status === 429)).toBe(true);
    const counted = results.filter(({ second }) => second >= WARM_UP);
    const refusedShare = counted.filter(({ status }) => status === 429).length / counted.length;
    const accepted = results.filter(({ status }) => status === 202).length;
    // The approximation's error: accepted over the whole run against one exact bucket's
    // (LIMIT × SECONDS + a burst of 2 × LIMIT), printed for docs/DEPLOYMENT.md.
    console.log(
      `shared rate limit: ${(refusedShare * 100).toFixed(0)} % refused after the warm-up; ${accepted} accepted of ${results.length}, an exact bucket ${LIMIT * SECONDS + 2 * LIMIT}`,
    );
    expect(refusedShare).toBeGreaterThan(0.35);
    expect(refusedShare).toBeLessThan(0.65);
    // Every accepted request reached the shared counter (+ the setup's two requests).
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await eventually(
      async () => {
        const { rows } = await client.query<{ taken: string }>(`SELECT taken::text FROM rate_limit_counters`);
        return rows.length === 1 && Number(rows[0]!.taken) === accepted + 2 ? true : undefined;
      },
      10_000,
      "the counter",
    );
    await client.end();

    first.child.kill("SIGTERM");
    second.child.kill("SIGTERM");
    expect(await Promise.all([first.exited, second.exited])).toEqual([0, 0]);
    await database.drop();
  });
});
