// The endpoint form's state, its checks in the browser (the limits of lib/schemas/endpoint-rules,
// which the server applies too), the API body it becomes, and where the API's field errors
// (`details[].path`) go in the form.
import { ENDPOINT_LIMITS as LIMITS, HEADER_NAME, JWT_ALGORITHMS, RESERVED_HEADERS } from "@/lib/schemas/endpoint-rules";
import type { TCreateEndpoint, TEndpointAuth, TSignatureScheme, TUpdateEndpoint } from "@/lib/schemas/endpoints";
import type { EndpointView } from "./use-endpoint";
import {
  initialRoutingValues,
  routingBody,
  routingErrorFromApi,
  validateRouting,
  type RoutingFormValues,
} from "./routing-form-values";
import {
  initialPolicyValues,
  policyBody,
  policyErrorFromApi,
  validatePolicies,
  type PolicyFormValues,
} from "@/components/policies/policy-form-values";
import {
  egressBody,
  egressErrorFromApi,
  initialEgressValues,
  validateEgress,
  type EgressFormValues,
} from "./egress-form-values";

export type AuthType = "none" | "basic" | "bearer" | "oauth2" | "jwt";
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

export interface HeaderRow {
  /** Stable identity of the row in the form (React key, error path); never sent. */
  id: string;
  name: string;
  value: string;
}

export interface AuthValues {
  type: AuthType;
  username: string;
  password: string;
  token: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  audience: string;
  /** JWT: the algorithm ("" on an endpoint whose stored JWT settings are kept), HS256's secret, the header. */
  algorithm: JwtAlgorithm | "";
  secret: string;
  header: string;
}

export interface EndpointFormValues {
  /** "polling": no URL, nor the settings only a push uses (receiver auth, rate, concurrency, timeout). */
  type: "webhook" | "polling";
  url: string;
  name: string;
  description: string;
  allEventTypes: boolean;
  eventTypes: string[];
  headers: HeaderRow[];
  auth: AuthValues;
  rateLimit: string;
  maxConcurrency: string;
  timeoutSeconds: string;
  routing: RoutingFormValues;
  /** Retry schedule and transformation. */
  policies: PolicyFormValues;
  signatureScheme: TSignatureScheme;
  /** Client certificate, private CA, proxy, trace context. */
  egress: EgressFormValues;
}

/** Field errors by path: `url`, `eventTypes`, `headers.<row id>.name`, `auth.token`, `form`… */
export type FormErrors = Record<string, string>;

let rowCounter = 0;
export const newHeaderRow = (name = "", value = ""): HeaderRow => ({ id: `header-${++rowCounter}`, name, value });

const EMPTY_AUTH: AuthValues = {
  type: "none",
  username: "",
  password: "",
  token: "",
  tokenUrl: "",
  clientId: "",
  clientSecret: "",
  scope: "",
  audience: "",
  algorithm: "",
  secret: "",
  header: "",
};

export function initialFormValues(endpoint?: EndpointView, headers: Record<string, string> = {}): EndpointFormValues {
  return {
    type: endpoint?.type ?? "webhook",
    url: endpoint?.url ?? "",
    name: endpoint?.name ?? "",
    description: endpoint?.description ?? "",
    allEventTypes: !endpoint || endpoint.eventTypes.length === 0,
    eventTypes: endpoint?.eventTypes ?? [],
    headers: Object.entries(headers).map(([name, value]) => newHeaderRow(name, value)),
    auth: { ...EMPTY_AUTH, type: endpoint?.authType ?? "none" },
    rateLimit: endpoint?.rateLimit?.toString() ?? "",
    maxConcurrency: endpoint?.maxConcurrency?.toString() ?? "",
    timeoutSeconds: endpoint?.timeoutMs ? String(endpoint.timeoutMs / 1_000) : "",
    routing: initialRoutingValues(endpoint),
    policies: initialPolicyValues(endpoint),
    signatureScheme: endpoint?.signatureScheme ?? "v1",
    egress: initialEgressValues(endpoint),
  };
}

const AUTH_FIELDS: Record<Exclude<AuthType, "none">, Array<{ key: keyof AuthValues; required: boolean }>> = {
  basic: [
    { key: "username", required: true },
    { key: "password", required: false },
  ],
  bearer: [{ key: "token", required: true }],
  oauth2: [
    { key: "tokenUrl", required: true },
    { key: "clientId", required: true },
    { key: "clientSecret", required: true },
    { key: "scope", required: false },
    { key: "audience", required: false },
  ],
  // The HS256 secret is required with HS256 only (checked below).
  jwt: [
    { key: "algorithm", required: false },
    { key: "secret", required: false },
    { key: "audience", required: false },
    { key: "header", required: false },
  ],
};

/**
 * On an endpoint that already has credentials of this type, blank fields keep them (they are
 * stored encrypted and never shown, so the form cannot fill them in).
 */
function keepsStoredAuth(auth: AuthValues, storedType: AuthType | null): boolean {
  return (
    auth.type !== "none" && auth.type === storedType && AUTH_FIELDS[auth.type].every(({ key }) => auth[key] === "")
  );
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function checkInteger(
  errors: FormErrors,
  path: string,
  text: string,
  { min, max }: { min: number; max: number },
  unit: string,
): void {
  if (text.trim() === "") return;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    errors[path] = `Enter a whole number from ${min} to ${max.toLocaleString("en-US")} ${unit}, or leave it empty.`;
}

export function validateEndpointForm(values: EndpointFormValues, storedAuthType: AuthType | null = null): FormErrors {
  const errors: FormErrors = {};
  const url = values.url.trim();
  if (values.type === "polling") {
    // No URL to check.
  } else if (!url) errors.url = "Enter the URL that should receive the webhooks.";
  else if (url.length > LIMITS.urlMaxLength) errors.url = `Use at most ${LIMITS.urlMaxLength} characters.`;
  else if (!isHttpUrl(url)) errors.url = "Enter a full http:// or https:// URL, like https://example.com/webhooks.";
  if (values.name.trim().length > LIMITS.nameMaxLength) errors.name = `Use at most ${LIMITS.nameMaxLength} characters.`;
  if (values.description.length > LIMITS.descriptionMaxLength)
    errors.description = `Use at most ${LIMITS.descriptionMaxLength} characters.`;
  if (!values.allEventTypes && values.eventTypes.length === 0)
    errors.eventTypes = "Pick at least one event type, or choose to receive all of them.";

  const filled = values.headers.filter((row) => row.name.trim() || row.value);
  if (filled.length > LIMITS.headersMax) errors.headers = `At most ${LIMITS.headersMax} custom headers.`;
  const seen = new Set<string>();
  for (const row of filled) {
    const name = row.name.trim();
    const path = `headers.${row.id}`;
    if (!name) errors[`${path}.name`] = "Give the header a name.";
    else if (!HEADER_NAME.test(name)) errors[`${path}.name`] = "Use letters, digits and - only (no spaces or colons).";
    else if (RESERVED_HEADERS.has(name.toLowerCase())) errors[`${path}.name`] = "Hookline sets this header itself.";
    else if (seen.has(name.toLowerCase())) errors[`${path}.name`] = "This header is already in the list.";
    seen.add(name.toLowerCase());
    if (/[\r\n\0]/.test(row.value)) errors[`${path}.value`] = "Values cannot contain line breaks.";
    else if (row.value.length > LIMITS.headerValueMaxLength)
      errors[`${path}.value`] = `Use at most ${LIMITS.headerValueMaxLength} characters.`;
  }

  const { auth } = values;
  if (values.type === "webhook" && auth.type !== "none" && !keepsStoredAuth(auth, storedAuthType)) {
    for (const { key, required } of AUTH_FIELDS[auth.type])
      if (required && !auth[key].trim()) errors[`auth.${key}`] = "Required.";
    if (auth.type === "oauth2" && auth.tokenUrl.trim() && !isHttpUrl(auth.tokenUrl.trim()))
      errors["auth.tokenUrl"] = "Enter a full http:// or https:// URL.";
    if (auth.type === "jwt") checkJwtAuth(auth, errors);
  }

  if (values.type === "webhook") {
    checkInteger(errors, "rateLimit", values.rateLimit, LIMITS.rateLimit, "requests per second");
    checkInteger(errors, "maxConcurrency", values.maxConcurrency, LIMITS.maxConcurrency, "requests");
    const seconds = { min: LIMITS.timeoutMs.min / 1_000, max: LIMITS.timeoutMs.max / 1_000 };
    checkInteger(errors, "timeoutMs", values.timeoutSeconds, seconds, "seconds");
  }
  validateRouting(values.routing, errors);
  validatePolicies(values.policies, errors);
  validateEgress(values.egress, errors);
  return errors;
}

function checkJwtAuth(auth: AuthValues, errors: FormErrors): void {
  if ((auth.algorithm || "EdDSA") === "HS256" && new TextEncoder().encode(auth.secret).length < 32)
    errors["auth.secret"] = "HS256 needs a shared secret of at least 32 bytes.";
  const header = auth.header.trim().toLowerCase();
  if (header && !HEADER_NAME.test(header)) errors["auth.header"] = "Use letters, digits and - only.";
  else if (header && header !== "authorization" && RESERVED_HEADERS.has(header))
    errors["auth.header"] = "Hookline sets this header itself.";
}

function authBody(auth: AuthValues): TEndpointAuth | null {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  switch (auth.type) {
    case "none":
      return null;
    case "basic":
      return { type: "basic", username: auth.username.trim(), password: auth.password };
    case "bearer":
      return { type: "bearer", token: auth.token.trim() };
    case "oauth2":
      return {
        type: "oauth2",
        tokenUrl: auth.tokenUrl.trim(),
        clientId: auth.clientId.trim(),
        clientSecret: auth.clientSecret,
        scope: optional(auth.scope),
        audience: optional(auth.audience),
      };
    case "jwt": {
      const algorithm = auth.algorithm || "EdDSA";
      return {
        type: "jwt",
        algorithm,
        secret: algorithm === "HS256" ? auth.secret : undefined,
        audience: optional(auth.audience),
        header: optional(auth.header),
      };
    }
  }
}

const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

/**
 * The POST or PATCH body (`stored`: the endpoint being edited). `auth` is left out when stored credentials are kept as they are, and
 * `signatureScheme` unless it differs from the stored one (a change rotates the signing key).
 */
export function toEndpointBody(
  values: EndpointFormValues,
  storedAuthType: AuthType | null = null,
  storedScheme: TSignatureScheme | null = null,
  stored?: EndpointView,
): TCreateEndpoint & TUpdateEndpoint {
  const polling = values.type === "polling";
  const timeoutSeconds = polling ? null : numberOrNull(values.timeoutSeconds);
  const body: TCreateEndpoint & TUpdateEndpoint = {
    url: polling ? "" : values.url.trim(),
    name: values.name.trim() || null,
    description: values.description.trim(),
    eventTypes: values.allEventTypes ? [] : values.eventTypes,
    headers: polling
      ? {}
      : Object.fromEntries(values.headers.filter((row) => row.name.trim()).map((row) => [row.name.trim(), row.value])),
    rateLimit: polling ? null : numberOrNull(values.rateLimit),
    maxConcurrency: polling ? null : numberOrNull(values.maxConcurrency),
    timeoutMs: timeoutSeconds === null ? null : timeoutSeconds * 1_000,
    ...routingBody(values.routing),
    ...policyBody(values.policies),
    // What the hidden push-only cards hold (typed before choosing polling) is not sent: the API refuses it.
    ...(polling ? { transformation: null } : egressBody(values.egress, stored)),
  };
  const unchanged =
    keepsStoredAuth(values.auth, storedAuthType) || (values.auth.type === "none" && storedAuthType === null);
  if (polling) {
    if (storedAuthType !== null) body.auth = null;
  } else if (!unchanged) body.auth = authBody(values.auth);
  if (values.signatureScheme !== (storedScheme ?? "v1")) body.signatureScheme = values.signatureScheme;
  return body;
}

/**
 * The API's field errors in the form's terms: `headers.X-Team` becomes the row holding that
 * header, `timeoutMs` the timeout field; what has no field lands under `form`.
 */
export function formErrorsFromApi(
  fieldErrors: Record<string, string>,
  values: EndpointFormValues,
  fallback: string,
): FormErrors {
  const errors: FormErrors = {};
  const known = new Set([
    "url",
    "name",
    "description",
    "eventTypes",
    "headers",
    "rateLimit",
    "maxConcurrency",
    "timeoutMs",
  ]);
  for (const [path, message] of Object.entries(fieldErrors)) {
    const [head, ...rest] = path.split(".");
    if (head === "eventTypes") errors.eventTypes = message;
    else if (head === "headers" && rest.length) {
      const row = values.headers.find((candidate) => candidate.name.trim() === rest.join("."));
      errors[row ? `headers.${row.id}.name` : "headers"] = row ? message : `${rest.join(".")}: ${message}`;
    } else if (head === "auth" && rest.length) errors[`auth.${rest[0]}`] = message;
    else if (routingErrorFromApi(path, message, errors)) continue;
    else if (policyErrorFromApi(path, message, values.policies, errors)) continue;
    else if (egressErrorFromApi(path, message, errors)) continue;
    else if (head && known.has(head)) errors[head] = message;
    else errors.form = errors.form ? `${errors.form} ${message}` : message;
  }
  if (Object.keys(errors).length === 0) errors.form = fallback;
  return errors;
}
