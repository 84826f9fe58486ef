// A Hookline receiver that authenticates requests by their JWT, as in docs/RECEIVING.md.
//   JWKS_URL=https://hookline.example.com/.well-known/jwks.json ISSUER=https://hookline.example.com \
//   AUDIENCE=https://receiver.example.com/webhooks PORT=4000 node receiver-jwt-node.mjs
// `npm install jose`. The token's signature is checked against the published keys (fetched once,
// again on an unknown kid), then its issuer, audience and expiry, then body_sha256 against the
// exact bytes received: a token cannot be replayed with another body.
import { createHash } from "node:crypto";
import http from "node:http";
import { createRemoteJWKSet, jwtVerify } from "jose";

const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL));

async function authenticate(request, body) {
  const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
  const { payload } = await jwtVerify(token, jwks, {
    issuer: process.env.ISSUER,
    audience: process.env.AUDIENCE,
    algorithms: ["EdDSA", "ES256", "RS256"],
  });
  if (payload.body_sha256 !== createHash("sha256").update(body).digest("base64url")) {
    throw new Error("body_sha256 does not match the body");
  }
  return payload; // payload.sub is the tenant id, payload.jti unique per request
}

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks); // the raw bytes: hash them before parsing
    authenticate(request, body).then(
      (claims) => {
        response.writeHead(204).end();
        console.log(`accepted ${request.headers["webhook-id"]} for ${claims.sub}`);
      },
      (error) => {
        console.log(`rejected: ${error.message}`);
        response.writeHead(401).end();
      },
    );
  });
});

server.listen(Number(process.env.PORT ?? 4000), "127.0.0.1", () => console.log(`listening on ${server.address().port}`));
