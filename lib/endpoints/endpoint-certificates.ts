// mTLS material of an endpoint, checked before it is stored: the client certificate (a PEM
// chain, leaf first), its private key, which must be the leaf's, and an optional private CA.
// What the API shows of them (subject, issuer, fingerprint, validity) comes from here too.
import "server-only";
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { TCertificateDetails, TClientCertificate } from "@/lib/schemas/egress";

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function invalid(path: string, code: string, message: string): AppError {
  // The error's own message names the field (it is shown on its own, e.g. as a toast); the detail's is bare.
  return new AppError("validation_failed", `${path} ${message}`, [{ path, message, code }]);
}

/** Every certificate of a PEM bundle, in order; throws a 422 naming `path` when there is none or one is bad. */
export function parseCertificates(pem: string, path: string): X509Certificate[] {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  if (!blocks.length) throw invalid(path, "invalid_certificate", "is not a PEM certificate (BEGIN CERTIFICATE)");
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw invalid(path, "invalid_certificate", `certificate ${index + 1} of the PEM could not be parsed`);
    }
  });
}

export function describeCertificate(certificate: X509Certificate): TCertificateDetails {
  return {
    subject: certificate.subject.replaceAll("\n", ", "),
    issuer: certificate.issuer.replaceAll("\n", ", "),
    fingerprint: certificate.fingerprint256,
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
  };
}

/** The leaf's details, once the key is known to belong to it. */
export function checkClientCertificate(input: TClientCertificate): TCertificateDetails {
  const [leaf] = parseCertificates(input.certificate, "clientCertificate.certificate");
  let key: KeyObject;
  try {
    key = createPrivateKey(input.privateKey);
  } catch (error) {
    const encrypted = /ENCRYPTED|passphrase/i.test(`${input.privateKey} ${(error as Error).message}`);
    throw invalid(
      "clientCertificate.privateKey",
      "invalid_private_key",
      encrypted ? "must be an unencrypted PEM private key" : "is not a PEM private key",
    );
  }
  if (!leaf!.checkPrivateKey(key))
    throw invalid("clientCertificate.privateKey", "key_mismatch", "does not belong to the certificate");
  return describeCertificate(leaf!);
}

export function checkCaCertificate(pem: string): TCertificateDetails {
  const [first] = parseCertificates(pem, "caCertificate");
  return describeCertificate(first!);
}
