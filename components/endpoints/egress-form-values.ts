// The egress part of the endpoint form (mTLS client certificate, private CA, proxy, trace
// context): its state, its checks in the browser, the API fields it becomes and where the API's
// `clientCertificate.…`, `caCertificate` and `proxyUrl` errors go. The private key is never shown
// again, so a stored certificate (or CA) is kept unless it is replaced or removed, like stored
// receiver credentials.
import { EGRESS_LIMITS } from "@/lib/schemas/egress";
import type { FormErrors } from "./endpoint-form-values";
import type { EndpointView } from "./use-endpoint";

/** `keep`: what is stored (nothing on a new endpoint) unless PEM is entered; `remove`: cleared on save. */
export type StoredPemAction = "keep" | "remove";
export type ProxyChoice = "default" | "none" | "custom";

export interface EgressFormValues {
  certificate: string;
  privateKey: string;
  certificateAction: StoredPemAction;
  caCertificate: string;
  caAction: StoredPemAction;
  proxy: ProxyChoice;
  /** The own proxy's URL (`custom`); on an existing endpoint its credentials show as `****`. */
  proxyUrl: string;
  traceContext: boolean;
}

export function initialEgressValues(endpoint?: EndpointView): EgressFormValues {
  return {
    certificate: "",
    privateKey: "",
    certificateAction: "keep",
    caCertificate: "",
    caAction: "keep",
    proxy: endpoint?.proxyMode ?? "default",
    proxyUrl: endpoint?.proxyUrl ?? "",
    traceContext: endpoint?.traceContext ?? true,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const tooLong = (pem: string) => pem.trim().length > EGRESS_LIMITS.pemMaxLength;

export function validateEgress(values: EgressFormValues, errors: FormErrors): void {
  const certificate = values.certificate.trim();
  const privateKey = values.privateKey.trim();
  if (certificate && !privateKey) errors["clientCertificate.privateKey"] = "Add the certificate's private key too.";
  if (privateKey && !certificate) errors["clientCertificate.certificate"] = "Add the certificate for this key too.";
  const limit = `Use at most ${EGRESS_LIMITS.pemMaxLength / 1024} KiB of PEM.`;
  if (tooLong(certificate)) errors["clientCertificate.certificate"] = limit;
  if (tooLong(privateKey)) errors["clientCertificate.privateKey"] = limit;
  if (tooLong(values.caCertificate)) errors.caCertificate = limit;
  if (values.proxy === "custom") {
    const url = values.proxyUrl.trim();
    if (!url) errors.proxyUrl = "Enter the proxy's URL, like http://proxy.internal:3128.";
    else if (url.length > EGRESS_LIMITS.proxyUrlMaxLength)
      errors.proxyUrl = `Use at most ${EGRESS_LIMITS.proxyUrlMaxLength} characters.`;
    else if (!isHttpUrl(url)) errors.proxyUrl = "Enter a full http:// or https:// URL.";
  }
}

export interface EgressBody {
  clientCertificate?: { certificate: string; privateKey: string } | null;
  caCertificate?: string | null;
  proxyUrl?: string | null;
  traceContext: boolean;
}

/**
 * The API fields. PEM entered replaces; `remove` sends null; otherwise the field is left out
 * (stored one kept, none on create). Proxy: left out for the server's proxy on create (and when
 * nothing changed on update), `"default"` to go back to it on update, null for direct, the URL
 * for its own; an unchanged own URL is left out, since the view masks its credentials.
 */
export function egressBody(values: EgressFormValues, stored?: EndpointView): EgressBody {
  const body: EgressBody = { traceContext: values.traceContext };
  const certificate = values.certificate.trim();
  const privateKey = values.privateKey.trim();
  if (certificate && privateKey) body.clientCertificate = { certificate, privateKey };
  else if (values.certificateAction === "remove" && stored?.clientCertificate) body.clientCertificate = null;
  const ca = values.caCertificate.trim();
  if (ca) body.caCertificate = ca;
  else if (values.caAction === "remove" && stored?.caCertificate) body.caCertificate = null;

  const storedMode = stored?.proxyMode ?? "default";
  const url = values.proxyUrl.trim();
  const unchanged = values.proxy === storedMode && (values.proxy !== "custom" || url === (stored?.proxyUrl ?? ""));
  if (!unchanged) body.proxyUrl = values.proxy === "none" ? null : values.proxy === "custom" ? url : "default";
  return body;
}

/** Puts an API error on its egress field; false when the path is not one of them. */
export function egressErrorFromApi(path: string, message: string, errors: FormErrors): boolean {
  const [head, field] = path.split(".");
  // The API's messages name no subject ("does not belong to the certificate").
  const key =
    head === "clientCertificate" ? `clientCertificate.${field === "privateKey" ? field : "certificate"}` : head;
  const subject = ERROR_SUBJECTS[key ?? ""];
  if (!subject) return false;
  errors[key!] = /^(is|must|does|has) /.test(message) ? `${subject} ${message}.` : message;
  return true;
}

const ERROR_SUBJECTS: Record<string, string> = {
  "clientCertificate.certificate": "The certificate",
  "clientCertificate.privateKey": "The private key",
  caCertificate: "The CA certificate",
  proxyUrl: "The proxy URL",
};
