// The egress fields of an endpoint (mTLS client certificate, private CA, proxy, trace context),
// kept apart from endpoints.ts, which spreads them in. PEM contents are checked in
// lib/endpoints/endpoint-certificates.ts (parsing needs node:crypto); here only the shape.
import { z } from "zod";
import { zTime } from "./common";

export const EGRESS_LIMITS = { pemMaxLength: 64 * 1024, proxyUrlMaxLength: 2_000 } as const;

const zPem = z.string().trim().min(1).max(EGRESS_LIMITS.pemMaxLength);

export const ZClientCertificate = z.strictObject({
  /** PEM: the client certificate, optionally followed by its intermediate certificates. */
  certificate: zPem,
  /** PEM: the certificate's private key (unencrypted PKCS#8, PKCS#1 or SEC1). Stored encrypted, never returned. */
  privateKey: zPem,
});
export type TClientCertificate = z.infer<typeof ZClientCertificate>;

/** Endpoint create (and, without defaults, update): spread into ZCreateEndpoint. */
export const endpointEgressFields = {
  /** Presented to the receiver on every try (mTLS); null for none. */
  clientCertificate: ZClientCertificate.nullable().default(null),
  /** PEM of a private CA trusted (besides the public ones) for this endpoint's server; null for none. */
  caCertificate: zPem.nullable().default(null),
  /**
   * The HTTP CONNECT proxy for this endpoint's tries (http:// or https://, credentials allowed).
   * Left out (or "default" in an update): the server's HOOKLINE_EGRESS_PROXY, if any; null: no
   * proxy, even when the server has one.
   */
  proxyUrl: z.string().trim().min(1).max(EGRESS_LIMITS.proxyUrlMaxLength).nullable().optional(),
  /** Send `traceparent`/`tracestate` to the receiver (default true). */
  traceContext: z.boolean().default(true),
};

export const ZCertificateDetails = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** SHA-256 of the DER certificate, colon-separated hex. */
  fingerprint: z.string(),
  notBefore: zTime,
  notAfter: zTime,
});
export type TCertificateDetails = z.infer<typeof ZCertificateDetails>;

export const endpointEgressView = {
  /** The client certificate's details (the key is never returned); null: none. */
  clientCertificate: ZCertificateDetails.nullable(),
  caCertificate: ZCertificateDetails.nullable(),
  /** `default`: the server's egress proxy, if one is configured; `none`: direct; `custom`: proxyUrl. */
  proxyMode: z.enum(["default", "none", "custom"]),
  /** The endpoint's own proxy, its credentials shown as `****@`; null unless proxyMode is `custom`. */
  proxyUrl: z.string().nullable(),
  traceContext: z.boolean(),
};
