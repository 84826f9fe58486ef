// `hookline listen` as a user runs it: `node bin/hookline.mjs listen …` in a child process,
// long-polling the real poll route (served over loopback HTTP as the web server serves it) and
// forwarding to a loopback receiver that verifies every request with standardwebhooks. The
// receiver fails the first try: the command retries locally and acknowledges only after success.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { stopPollListener } from "@/lib/polling";
import { GET as poll } from "@/app/api/v1/poll/[pollingToken]/route";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType, endpointSecret } from "../../helpers/fixtures";
import { ROOT } from "../../helpers/hookline-process";
import { eventually } from "../../helpers/worker";

async function listenOn(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("hookline listen", () => {
  useTestDatabase();
  let instance: http.Server;
  let instanceUrl: string;
  let receiver: http.Server;
  let receiverUrl: string;
  const received: Array<{ id: string; verified: unknown; answered: number }> = [];
  let secret = "";
  let failNext = 1;
  let child: ChildProcess | undefined;
  let output = "";

  beforeAll(async () => {
    instance = http.createServer((request, response) => {
      const match = /^\/api\/v1\/poll\/([^/?]+)/.exec(request.url ?? "");
      if (!match) return void response.writeHead(404).end();
      const pollingToken = decodeURIComponent(match[1]!);
      void poll(new NextRequest(new URL(request.url!, instanceUrl)), {
        params: Promise.resolve({ pollingToken }),
      }).then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(await answer.text());
      });
    });
    instanceUrl = await listenOn(instance);
    receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        let verified: unknown = null;
        try {
          verified = new Webhook(secret).verify(body, request.headers as Record<string, string>);
        } catch {
          verified = null;
        }
        const answered = verified === null ? 400 : failNext-- > 0 ? 500 : 200;
        received.push({ id: String(request.headers["webhook-id"]), verified, answered });
        response.writeHead(answered).end();
      });
    });
    receiverUrl = await listenOn(receiver);
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    await stopPollListener();
    await new Promise((resolve) => instance.close(resolve));
    await new Promise((resolve) => receiver.close(resolve));
  });

  function run(args: string[]): ChildProcess {
    const started = spawn(process.execPath, [path.join(ROOT, "bin/hookline.mjs"), ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    return started;
  }

  it("should forward messages verified by standardwebhooks, retry a failure locally, then acknowledge them", async () => {
    const tenantId = await createTenant();
    await createTestEventType({ name: "listen.example" });
    const endpoint = await createTestEndpoint(tenantId, { type: "polling", eventTypes: ["listen.example"] });
    secret = await endpointSecret(endpoint.id);
    child = run([
      "listen",
      "--url",
      instanceUrl,
      "--token",
      endpoint.pollingToken!,
      "--forward",
      `${receiverUrl}/webhooks`,
      "--wait",
      "5",
    ]);
    await eventually(() => (output.includes("Forwarding") ? true : undefined), 10_000, "listen to start");
    const messages = await publishMessages(tenantId, [
      { eventType: "listen.example", payload: { n: 1 } },
      { eventType: "listen.example", payload: { n: 2 } },
    ]);

    await eventually(
      () => (received.filter((request) => request.answered === 200).length === 2 ? true : undefined),
      30_000,
      `both messages forwarded (output so far:\n${output})`,
    );
    // Every request verified; the first failed once and came again, before the second.
    expect(received.every((request) => request.verified !== null)).toBe(true);
    expect(received.map((request) => [request.id, request.answered])).toEqual([
      [messages[0]!.id, 500],
      [messages[0]!.id, 200],
      [messages[1]!.id, 200],
    ]);
    expect(received[1]!.verified).toMatchObject({ type: "listen.example", data: { n: 1 } });
    // The CLI prints a line once the forward's answer is back, which may be after the receiver saw it.
    await eventually(
      () => (/✓ 200 +\d+ ms +msg_\w+ +listen\.example/.test(output) ? true : undefined),
      5_000,
      `the forwarded line (output so far:\n${output})`,
    );
    expect(output).toMatch(/✗ 500 +\d+ ms +msg_\w+ +listen\.example/);

    // The next poll carries the cursor: both deliveries acknowledged as fetches.
    await eventually(
      async () =>
        (await db().delivery.count({ where: { endpointId: endpoint.id, status: "succeeded" } })) === 2
          ? true
          : undefined,
      30_000,
      "the deliveries to be acknowledged",
    );
    expect(await db().attempt.count({ where: { endpointId: endpoint.id, trigger: "fetch" } })).toBe(2);

    const exited = new Promise<number | null>((resolve) => child!.once("close", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(output).toContain("Stopped.");
  });

  it("should print its usage with --help and refuse missing options", async () => {
    output = "";
    const help = run(["listen", "--help"]);
    expect(await new Promise((resolve) => help.once("close", resolve))).toBe(0);
    expect(output).toContain("Usage: hookline listen --url <instance> --token <polling token> --forward <local url>");
    output = "";
    const missing = run(["listen", "--url", instanceUrl]);
    expect(await new Promise((resolve) => missing.once("close", resolve))).toBe(2);
    expect(output).toContain("--token is required");
  });

  it("should exit 1 when the instance refuses the token", async () => {
    output = "";
    const refused = run([
      "listen",
      "--url",
      instanceUrl,
      "--token",
      "hlpoll_" + "B".repeat(43),
      "--forward",
      receiverUrl,
    ]);
    expect(await new Promise((resolve) => refused.once("close", resolve))).toBe(1);
    expect(output).toContain("refused the token");
  });
});
