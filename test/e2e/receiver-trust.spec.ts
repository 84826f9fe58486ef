// Receiver trust without a shared secret, as a user sets it up in the endpoint form: a v1a
// (Ed25519) signature scheme and JWT receiver authentication. The created endpoint shows its whpk_
// public key, and the first delivery carries a v1a signature that the key verifies and a JWT that
// verifies against the JWKS the running server publishes at /.well-known/jwks.json.
import { createHash, createPublicKey, verify } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { expect, test } from "@playwright/test";
import {
  baseUrl,
  createCatalogEventType,
  expectNoHorizontalOverflow,
  mainNav,
  publishViaApi,
  registerWithTenant,
  saveScreenshotFromTop,
  startReceiver,
} from "./helpers";

test("should create a v1a endpoint with JWT authentication whose deliveries verify with the public key and the JWKS", async ({
  page,
}, testInfo) => {
  const receiver = await startReceiver(200);
  try {
    const { tenantId } = await registerWithTenant(page);
    const eventType = await createCatalogEventType("trust");

    await (await mainNav(page)).getByRole("link", { name: "Endpoints" }).click();
    await page.getByRole("link", { name: "Add endpoint", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Add endpoint" })).toBeVisible();
    const url = `${receiver.url}/trusted`;
    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByLabel("Signature scheme").selectOption("v1a");
    await page.getByLabel("Authentication").selectOption({ label: "JWT (signed per request)" });
    await page.getByLabel("Algorithm").selectOption("HS256");
    // HS256 needs a shared secret of at least 32 bytes: a short one is refused before saving.
    await page.getByLabel("Shared secret (at least 32 bytes)").fill("too-short");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page.getByLabel("Shared secret (at least 32 bytes)")).toHaveAttribute("aria-invalid", "true");
    // The instance's own keys need no secret: EdDSA, verified from the JWKS.
    await page.getByLabel("Algorithm").selectOption("EdDSA");
    await expect(page.getByLabel("Shared secret (at least 32 bytes)")).toBeHidden();
    await page.getByLabel("Algorithm").scrollIntoViewIfNeeded();
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "endpoint-new-jwt-v1a");
    await page.getByRole("button", { name: "Create endpoint" }).click();

    await expect(page).toHaveURL(new RegExp(`/t/${tenantId}/endpoints/ep_[0-9A-Z]{26}$`));
    await expect(page.getByRole("heading", { name: "Signing public key" })).toBeVisible();
    const shown = page.getByLabel("Public key", { exact: true });
    await expect(shown).toHaveText(/^whpk_[A-Za-z0-9+/]{43}=$/);
    const publicKeyText = (await shown.textContent())!;
    const settings = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Settings", exact: true }) });
    await expect(settings).toContainText("v1a (Ed25519, public key)");
    await expect(settings).toContainText("JWT (signed per request)");
    await expectNoHorizontalOverflow(page);
    await saveScreenshotFromTop(page, testInfo, "endpoint-v1a-public-key");

    const messageId = await publishViaApi(tenantId, eventType);
    await expect
      .poll(() => receiver.received.find((request) => request.headers["webhook-id"] === messageId), { timeout: 20_000 })
      .toBeTruthy();
    const delivered = receiver.received.find((request) => request.headers["webhook-id"] === messageId)!;

    // v1a: Ed25519 over `${id}.${timestamp}.${body}`, verified with the key the page showed.
    const raw = Buffer.from(publicKeyText.replace(/^whpk_/, ""), "base64");
    const publicKey = createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") },
      format: "jwk",
    });
    const signed = Buffer.from(`${messageId}.${String(delivered.headers["webhook-timestamp"])}.${delivered.body}`);
    const signatures = String(delivered.headers["webhook-signature"]).split(" ");
    expect(signatures.every((entry) => entry.startsWith("v1a,"))).toBe(true);
    expect(signatures.some((entry) => verify(null, signed, publicKey, Buffer.from(entry.slice(4), "base64")))).toBe(
      true,
    );

    // JWT: verified against the keys the running server publishes, bound to this body.
    const token = String(delivered.headers.authorization).replace(/^Bearer /, "");
    const jwks = createRemoteJWKSet(new URL(`${baseUrl()}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, { audience: url, algorithms: ["EdDSA"] });
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload.sub).toBe(tenantId);
    expect(payload.body_sha256).toBe(createHash("sha256").update(delivered.body).digest("base64url"));
  } finally {
    await receiver.close();
  }
});
