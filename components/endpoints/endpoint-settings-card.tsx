"use client";
// What the endpoint is configured to do, at a glance (the form has the rest).
import { Card } from "@/components/ui/card";
import { Time, useNow } from "@/components/ui/time";
import type { EndpointView } from "./use-endpoint";

const DAY_MS = 86_400_000;
/** As lib/endpoints/announce-expiring-certificates.ts warns: 14 days ahead. */
const CERTIFICATE_WARNING_DAYS = 14;

function CertificateExpiry({ notAfter }: { notAfter: string }) {
  // Null until hydrated (server and first render agree): no warning colour until then.
  const now = useNow();
  const left = now === null ? Infinity : new Date(notAfter).getTime() - now;
  const tone =
    left <= 0 ? "text-red-700" : left < CERTIFICATE_WARNING_DAYS * DAY_MS ? "text-amber-700" : "text-slate-600";
  return (
    <span className={`text-xs ${tone}`}>
      {left <= 0 ? "Expired" : "Expires"} <Time value={notAfter} mode="both" />
    </span>
  );
}

const PROXY_LABELS = { default: "Server default", none: "None (direct)" } as const;

const AUTH_LABELS = {
  basic: "HTTP Basic",
  bearer: "Bearer token",
  oauth2: "OAuth2 client credentials",
  jwt: "JWT (signed per request)",
} as const;

export function EndpointSettingsCard({ endpoint }: { endpoint: EndpointView }) {
  const rows: Array<[string, React.ReactNode]> = [
    ["Delivery", endpoint.type === "polling" ? "Polling (the receiver fetches)" : "Push to the URL"],
    [
      "Event types",
      endpoint.eventTypes.length === 0 ? (
        "All event types"
      ) : (
        <ul className="flex flex-wrap justify-end gap-1">
          {endpoint.eventTypes.map((name) => (
            <li key={name} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
              {name}
            </li>
          ))}
        </ul>
      ),
    ],
    [
      "Payload filter",
      endpoint.filter ? <code className="break-all font-mono text-xs">{JSON.stringify(endpoint.filter)}</code> : "None",
    ],
    ["Channels", endpoint.channels.length ? endpoint.channels.join(", ") : "All messages"],
    [
      "Ordering",
      endpoint.ordering === "fifo"
        ? `FIFO per key; on final failure: ${endpoint.fifoOnFailure === "pause" ? "pause" : "skip"}`
        : "None",
    ],
    ["Authentication", endpoint.authType ? AUTH_LABELS[endpoint.authType] : "Signature only"],
    ["Signature", endpoint.signatureScheme === "v1a" ? "v1a (Ed25519, public key)" : "v1 (HMAC, shared secret)"],
    ["Custom headers", endpoint.hasCustomHeaders ? "Yes (encrypted)" : "None"],
    [
      "Client certificate",
      endpoint.clientCertificate ? (
        <span className="flex flex-col items-end gap-0.5">
          <span className="break-all font-mono text-xs">{endpoint.clientCertificate.subject}</span>
          <span className="text-xs text-slate-500">issued by {endpoint.clientCertificate.issuer}</span>
          <CertificateExpiry notAfter={endpoint.clientCertificate.notAfter} />
        </span>
      ) : (
        "None"
      ),
    ],
    [
      "Private CA",
      endpoint.caCertificate ? (
        <span className="break-all font-mono text-xs">{endpoint.caCertificate.subject}</span>
      ) : (
        "Public CAs only"
      ),
    ],
    [
      "Proxy",
      endpoint.proxyMode === "custom" ? (
        <span className="break-all font-mono text-xs">{endpoint.proxyUrl}</span>
      ) : (
        PROXY_LABELS[endpoint.proxyMode]
      ),
    ],
    ["Trace context", endpoint.traceContext ? "Sent (traceparent)" : "Not sent"],
    ["Rate limit", endpoint.rateLimit ? `${endpoint.rateLimit} requests/s` : "Unlimited"],
    ["Concurrency", endpoint.maxConcurrency ? `${endpoint.maxConcurrency} at once` : "Default"],
    ["Timeout", endpoint.timeoutMs ? `${endpoint.timeoutMs / 1_000} s` : "Default"],
    ["Last success", endpoint.lastSuccessAt ? <Time value={endpoint.lastSuccessAt} /> : "Never"],
    ["Created", <Time key="created" value={endpoint.createdAt} mode="absolute" />],
  ];
  return (
    <Card title="Settings">
      <dl className="-my-2 divide-y divide-slate-100 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex items-start justify-between gap-4 py-2">
            <dt className="shrink-0 text-slate-500">{label}</dt>
            <dd className="min-w-0 text-right text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
