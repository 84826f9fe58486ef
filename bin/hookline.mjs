#!/usr/bin/env node
// `hookline listen`: forwards a polling endpoint's messages to a local receiver, for local
// development without a public URL or a relay. It long-polls the instance
// (GET /api/v1/poll/{token}?wait=…), POSTs each message to --forward with its original body and
// Standard Webhooks headers (so the receiver verifies it with the endpoint's signing secret), and
// acknowledges a page (passes its cursor back) only once every message of it was forwarded with
// a 2xx: a failed forward is retried, with backoff, until it succeeds or you stop it, so nothing
// is lost. Plain Node (>= 20), no dependencies: `npx hookline listen …` runs it as is.
import { parseArgs } from "node:util";

const USAGE = `Usage: hookline listen --url <instance> --token <polling token> --forward <local url>

Forwards the messages of a Hookline polling endpoint to a local receiver.

Options:
  --url <instance>      the Hookline instance, e.g. https://hookline.example.com
  --token <token>       the polling endpoint's token (hlpoll_…), or HOOKLINE_POLLING_TOKEN
  --forward <url>       where to POST each message, e.g. http://localhost:4000/webhooks
  --wait <seconds>      long-poll wait, 1 to 30 (default 25)
  -h, --help            this text

Each message is printed as one line: status, duration, message id and event type.
A failed forward is retried with backoff (1 s doubling to 30 s); the cursor advances only past
messages that were forwarded with a 2xx. Ctrl-C stops.`;

const MAX_BACKOFF_MS = 30_000;

function fail(message) {
  process.stderr.write(`hookline: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: "string" },
        token: { type: "string" },
        forward: { type: "string" },
        wait: { type: "string", default: "25" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    fail(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  if (positionals[0] !== "listen" || positionals.length > 1) fail(`unknown command: ${positionals.join(" ")}`);
  const token = values.token ?? process.env.HOOKLINE_POLLING_TOKEN;
  if (!values.url) fail("--url is required");
  if (!token) fail("--token is required");
  if (!values.forward) fail("--forward is required");
  const wait = Number(values.wait);
  if (!Number.isInteger(wait) || wait < 1 || wait > 30) fail("--wait must be a whole number of seconds, 1 to 30");
  for (const [name, value] of [
    ["--url", values.url],
    ["--forward", values.forward],
  ]) {
    try {
      if (!/^https?:$/.test(new URL(value).protocol)) throw new Error();
    } catch {
      fail(`${name} must be an http(s) URL`);
    }
  }
  return { url: values.url.replace(/\/+$/, ""), token, forward: values.forward, wait };
}

const stop = new AbortController();
const sleep = (ms) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    stop.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
const time = () => new Date().toISOString().slice(11, 19);

function eventType(body) {
  try {
    return JSON.parse(body).type ?? "";
  } catch {
    return "";
  }
}

/** One page of the endpoint's messages; exits on a refused token. */
async function poll(options, cursor) {
  const query = new URLSearchParams({ wait: String(options.wait), limit: "20" });
  if (cursor) query.set("cursor", cursor);
  const response = await fetch(`${options.url}/api/v1/poll/${encodeURIComponent(options.token)}?${query}`, {
    signal: stop.signal,
    headers: { accept: "application/json" },
  });
  const text = await response.text();
  if (response.status === 401) {
    process.stderr.write(`hookline: the instance refused the token (${text.trim()})\n`);
    process.exit(1);
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after"));
    const error = new Error(`poll answered ${response.status}: ${text.slice(0, 200)}`);
    error.retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1_000 : undefined;
    throw error;
  }
  return JSON.parse(text);
}

/** POSTs one message to the local receiver; true on a 2xx. Prints its line. */
async function forward(options, message) {
  const started = performance.now();
  let outcome;
  let ok = false;
  try {
    const response = await fetch(options.forward, {
      method: "POST",
      headers: { "content-type": "application/json", ...message.headers },
      body: message.body,
      signal: AbortSignal.any([stop.signal, AbortSignal.timeout(30_000)]),
    });
    await response.arrayBuffer().catch(() => undefined);
    ok = response.status >= 200 && response.status <= 299;
    outcome = String(response.status);
  } catch (error) {
    if (stop.signal.aborted) return false;
    outcome = `error (${error.cause?.code ?? error.name}: ${error.cause?.message ?? error.message})`;
  }
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `${time()}  ${ok ? "✓" : "✗"} ${outcome}  ${ms} ms  ${message.id}  ${eventType(message.body)}\n`,
  );
  return ok;
}

async function listen(options) {
  process.stdout.write(`Forwarding ${options.url} (polling endpoint) → ${options.forward}   Ctrl-C to stop\n`);
  let cursor = null;
  // Messages of the current page already forwarded: after a failure the page is fetched again
  // (freshly signed, so a long retry never sends a stale webhook-timestamp) and these are skipped.
  const forwarded = new Set();
  let failures = 0;
  const backoff = async (retryAfterMs) => {
    failures++;
    const ms = retryAfterMs ?? Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (failures - 1));
    process.stdout.write(`${time()}  retrying in ${Math.round(ms / 1_000)} s\n`);
    await sleep(ms);
  };
  while (!stop.signal.aborted) {
    let page;
    try {
      page = await poll(options, cursor);
    } catch (error) {
      if (stop.signal.aborted) break;
      process.stderr.write(`${time()}  could not poll: ${error.cause?.message ?? error.message}\n`);
      await backoff(error.retryAfterMs);
      continue;
    }
    let delivered = true;
    for (const message of page.data) {
      if (forwarded.has(message.id)) continue;
      if (!(await forward(options, message))) {
        delivered = false;
        break;
      }
      forwarded.add(message.id);
    }
    if (stop.signal.aborted) break;
    if (!delivered) {
      await backoff();
      continue;
    }
    failures = 0;
    if (page.cursor !== cursor) forwarded.clear();
    cursor = page.cursor;
  }
}

const options = parse(process.argv.slice(2));
process.on("SIGINT", () => {
  if (stop.signal.aborted) process.exit(130);
  process.stdout.write("\nStopped.\n");
  stop.abort();
});
process.on("SIGTERM", () => stop.abort());
await listen(options);
