// A minimal Hookline receiver in Node.js (no framework), as in docs/RECEIVING.md.
//   WEBHOOK_SECRET=whsec_... PORT=4000 node receiver-node.mjs
// Verifies every request with the Standard Webhooks library, answers at once, and processes
// each message once (deduplicated on webhook-id) after answering.
import http from "node:http";
import { Webhook } from "standardwebhooks";

const webhook = new Webhook(process.env.WEBHOOK_SECRET);
const seen = new Set(); // in production: a table with a unique key on the message id

function handleEvent(event, messageId) {
  // Your work goes here: update an invoice, send an email… It runs after we answered.
  console.log(`processed ${messageId} ${event.type}`);
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8"); // the raw body: verify before parsing
    let event;
    try {
      // Checks the signature (any of the space-separated ones) and that webhook-timestamp is
      // within 5 minutes of now. Throws on anything else.
      event = webhook.verify(body, request.headers);
    } catch (error) {
      console.log(`rejected: ${error.message}`);
      response.writeHead(401).end();
      return;
    }
    const messageId = request.headers["webhook-id"];
    // 2xx at once: Hookline counts the delivery as done. Slow work after the answer.
    response.writeHead(204).end();
    if (seen.has(messageId)) return console.log(`duplicate ${messageId}`); // retries reuse the id
    seen.add(messageId);
    setImmediate(() => handleEvent(event, messageId));
  });
});

server.listen(Number(process.env.PORT ?? 4000), "127.0.0.1", () => console.log(`listening on ${server.address().port}`));
