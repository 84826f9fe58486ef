// docs/RECEIVING.md's Node receiver, run as written against real deliveries.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishMessages } from "@/lib/messages/publish-messages";
import { freePort } from "@/server/ports";
import { generateSecret } from "@/lib/signing";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { ROOT } from "../../helpers/hookline-process";
import { eventually, startTestWorker } from "../../helpers/worker";

describe("docs/RECEIVING.md", () => {
  const databaseUrl = useTestDatabase();
  let receiver: ChildProcess;
  let output = "";
  let port: number;
  const secret = generateSecret();

  beforeAll(async () => {
    port = await freePort();
    receiver = spawn(process.execPath, [path.join(ROOT, "docs/examples/receiver-node.mjs")], {
      cwd: ROOT,
      env: { ...process.env, WEBHOOK_SECRET: secret, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    receiver.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    receiver.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => (output.includes("listening on") ? true : undefined), 10_000, "the example receiver");
  });
  afterAll(() => {
    receiver.kill();
  });

  it("should include the example receiver verbatim", () => {
    const guide = readFileSync(path.join(ROOT, "docs/RECEIVING.md"), "utf8");
    const example = readFileSync(path.join(ROOT, "docs/examples/receiver-node.mjs"), "utf8");
    expect(guide).toContain(example.trim());
  });

  it("should verify and process a real delivery once, and reject a forged one", async () => {
    const tenantId = await createTenant();
    await createTestEventType({ name: "guide.example" });
    await createTestEndpoint(tenantId, {
      url: `http://127.0.0.1:${port}/webhooks`,
      secret,
      eventTypes: ["guide.example"],
    });
    startTestWorker(databaseUrl());
    const [message] = await publishMessages(tenantId, [{ eventType: "guide.example", payload: { hello: "world" } }]);
    await eventually(
      () => (output.includes(`processed ${message!.id} guide.example`) ? true : undefined),
      10_000,
      "the example to process the message",
    );

    const forged = await fetch(`http://127.0.0.1:${port}/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": "msg_forged",
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": "v1,AAAA",
      },
      body: JSON.stringify({ type: "guide.example", data: {} }),
    });
    expect(forged.status).toBe(401);
    await eventually(() => (/rejected: /.test(output) ? true : undefined), 5_000, "the rejection in the log");
  });
});
