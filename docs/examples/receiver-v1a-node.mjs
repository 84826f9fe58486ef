// A Hookline receiver for v1a (Ed25519) signatures, as in docs/RECEIVING.md. No library needed:
//   WEBHOOK_PUBLIC_KEY=whpk_... PORT=4000 node receiver-v1a-node.mjs
// The public key can only verify: a leaked copy lets nobody forge a webhook.
import { createPublicKey, verify } from "node:crypto";
import http from "node:http";

// whpk_ + base64 of the raw 32-byte Ed25519 public key.
const raw = Buffer.from(process.env.WEBHOOK_PUBLIC_KEY.replace(/^whpk_/, ""), "base64");
const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });

function verified(headers, body) {
  const id = headers["webhook-id"];
  const timestamp = Number(headers["webhook-timestamp"]);
  // Replay protection: refuse timestamps more than 5 minutes from our clock.
  if (!id || !Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
  const signedContent = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]);
  // During a key rotation the header carries several space-separated signatures: any may match.
  return (headers["webhook-signature"] ?? "")
    .split(" ")
    .filter((entry) => entry.startsWith("v1a,"))
    .some((entry) => verify(null, signedContent, publicKey, Buffer.from(entry.slice(4), "base64")));
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks); // the raw bytes: verify before parsing
    if (!verified(request.headers, body)) {
      console.log("rejected");
      response.writeHead(401).end();
      return;
    }
    response.writeHead(204).end();
    const event = JSON.parse(body.toString("utf8"));
    console.log(`processed ${request.headers["webhook-id"]} ${event.type}`);
  });
});

server.listen(Number(process.env.PORT ?? 4000), "127.0.0.1", () => console.log(`listening on ${server.address().port}`));
