// Egress settings in the endpoint form: a client certificate and key generated with openssl,
// uploaded through the file inputs with a direct connection and no trace context, shown on the
// endpoint's Settings card and stored as the API reports; then, editing, a key of another
// certificate refused next to the key field. Screenshots of the form's Egress card at both widths.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { api, baseUrl, expectNoHorizontalOverflow, registerWithTenant } from "./helpers";

interface CertificateDetails {
  subject: string;
  issuer: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
}

/** A self-signed P-256 certificate (CN=hookline-e2e, 30 days) and its key, plus a key of nobody's. */
function generateCertificates(dir: string) {
  const file = (name: string) => path.join(dir, name);
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-subj",
      "/CN=hookline-e2e",
      "-days",
      "30",
      "-keyout",
      file("client.key"),
      "-out",
      file("client.crt"),
    ],
    { stdio: "ignore" },
  );
  execFileSync(
    "openssl",
    ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out", file("other.key")],
    {
      stdio: "ignore",
    },
  );
  return { certificate: file("client.crt"), key: file("client.key"), otherKey: file("other.key") };
}

const egressCard = (page: Page): Locator =>
  page.locator("section").filter({ has: page.getByRole("heading", { name: "Egress", exact: true }) });

async function saveCard(card: Locator, testInfo: TestInfo, name: string): Promise<void> {
  await card.screenshot({
    path: path.join(testInfo.project.outputDir, "screenshots", `${name}-${testInfo.project.name}.png`),
  });
}

test("should upload a client certificate with a direct connection and no trace context, show it, and refuse a key of another certificate", async ({
  page,
}, testInfo) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hookline-e2e-mtls-"));
  try {
    const files = generateCertificates(dir);
    const { tenantId } = await registerWithTenant(page);
    await page.goto(`${baseUrl()}/t/${tenantId}/endpoints/new`);
    await page.getByLabel("Endpoint URL").fill("https://example.com/mtls-hooks");

    const card = egressCard(page);
    await expect(card.getByLabel("Send trace context (traceparent)")).toBeChecked();
    await expect(card.getByLabel("Egress proxy")).toHaveValue("default");
    await card.getByLabel("Certificate file").setInputFiles(files.certificate);
    await card.getByLabel("Private key file").setInputFiles(files.key);
    await expect(card.getByLabel("Certificate (PEM)")).toHaveValue(/^-----BEGIN CERTIFICATE-----/);
    await expect(card.getByLabel("Private key (PEM)")).toHaveValue(/^-----BEGIN PRIVATE KEY-----/);
    await card.getByLabel("Egress proxy").selectOption({ label: "Direct (no proxy)" });
    await card.getByLabel("Send trace context (traceparent)").uncheck();
    await card.scrollIntoViewIfNeeded();
    await expectNoHorizontalOverflow(page);
    await saveCard(card, testInfo, "egress-form-new");
    await page.getByRole("button", { name: "Create endpoint" }).click();

    await expect(page).toHaveURL(new RegExp(`/t/${tenantId}/endpoints/ep_[0-9A-Z]{26}$`), { timeout: 20_000 });
    const endpointId = page.url().split("/").pop()!;
    const stored = await api<{
      clientCertificate: CertificateDetails | null;
      proxyMode: string;
      proxyUrl: string | null;
      traceContext: boolean;
    }>("GET", `/api/v1/tenants/${tenantId}/endpoints/${endpointId}`);
    expect(stored.clientCertificate).toMatchObject({ subject: "CN=hookline-e2e", issuer: "CN=hookline-e2e" });
    expect(stored).toMatchObject({ proxyMode: "none", proxyUrl: null, traceContext: false });
    const notAfter = stored.clientCertificate!.notAfter;
    // The certificate was made for 30 days.
    const days = (new Date(notAfter).getTime() - new Date(stored.clientCertificate!.notBefore).getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    const settings = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Settings", exact: true }) });
    await expect(settings).toContainText("CN=hookline-e2e");
    await expect(settings.locator(`time[datetime="${notAfter}"]`)).toBeVisible();
    await expect(settings.getByText(/^Expires /)).toBeVisible();

    // Editing: the stored certificate is shown by its details; a key of another certificate is
    // refused by the server, next to the key field.
    await page.goto(`${baseUrl()}/t/${tenantId}/endpoints/${endpointId}/edit`);
    const editCard = egressCard(page);
    await expect(editCard).toContainText("CN=hookline-e2e");
    await expect(editCard.locator(`time[datetime="${notAfter}"]`)).toBeVisible();
    await expect(editCard.getByLabel("Egress proxy")).toHaveValue("none");
    await expect(editCard.getByLabel("Send trace context (traceparent)")).not.toBeChecked();
    await expect(editCard.getByLabel("Private key (PEM)")).toBeHidden();
    await editCard.scrollIntoViewIfNeeded();
    await saveCard(editCard, testInfo, "egress-form-stored");
    await editCard.getByRole("button", { name: "Replace" }).first().click();
    await editCard.getByLabel("Certificate file").setInputFiles(files.certificate);
    await editCard.getByLabel("Private key file").setInputFiles(files.otherKey);
    await page.getByRole("button", { name: "Save changes" }).click();
    const keyField = editCard.getByLabel("Private key (PEM)");
    await expect(keyField).toHaveAttribute("aria-invalid", "true", { timeout: 20_000 });
    await expect(keyField).toHaveAccessibleDescription("The private key does not belong to the certificate.");
    await expect(keyField).toBeFocused();
    await expectNoHorizontalOverflow(page);
    await saveCard(editCard, testInfo, "egress-form-key-mismatch");
    // Nothing was stored: still the first certificate.
    const after = await api<{ clientCertificate: CertificateDetails }>(
      "GET",
      `/api/v1/tenants/${tenantId}/endpoints/${endpointId}`,
    );
    expect(after.clientCertificate.fingerprint).toBe(stored.clientCertificate!.fingerprint);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
