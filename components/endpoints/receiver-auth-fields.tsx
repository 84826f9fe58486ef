"use client";
// How the receiver knows a request is really from us, besides the signature: HTTP Basic, a
// static Bearer token, an OAuth2 token fetched with the client-credentials grant, or a JWT
// minted per request. Stored encrypted and never shown again, so on an existing endpoint blank
// fields keep what is stored.
import type { ComponentProps } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { JWT_ALGORITHMS } from "@/lib/schemas/endpoint-rules";
import type { AuthType, AuthValues, FormErrors, JwtAlgorithm } from "./endpoint-form-values";

const LABELS: Record<AuthType, string> = {
  none: "None (signature only)",
  basic: "HTTP Basic",
  bearer: "Bearer token",
  oauth2: "OAuth2 client credentials",
  jwt: "JWT (signed per request)",
};

const ALGORITHM_LABELS: Record<JwtAlgorithm, string> = {
  EdDSA: "EdDSA (Ed25519) – public keys at /.well-known/jwks.json",
  ES256: "ES256 (P-256) – public keys at /.well-known/jwks.json",
  RS256: "RS256 (RSA) – public keys at /.well-known/jwks.json",
  HS256: "HS256 – a secret shared with the receiver",
};

const HINTS: Record<AuthType, string> = {
  none: "Receivers verify the webhook-signature header; no other credentials are sent.",
  basic: "Sent as Authorization: Basic … with every request.",
  bearer: "Sent as Authorization: Bearer … with every request.",
  oauth2:
    "Hookline fetches a token from your token URL (client credentials grant), caches it, and sends it as Authorization: Bearer ….",
  jwt: "A fresh JWT for every request (valid 5 minutes, bound to the body by its body_sha256 claim), sent as Authorization: Bearer …; gateways verify it from the JWKS URL.",
};

type TextKey = Exclude<keyof AuthValues, "type" | "algorithm">;
/** Fields whose value is a credential: masked, and never offered by the browser's autofill. */
const SECRET_KEYS = new Set<TextKey>(["password", "token", "clientSecret", "secret"]);

export function ReceiverAuthFields({
  auth,
  storedType,
  errors,
  onChange,
}: {
  auth: AuthValues;
  storedType: AuthType | null;
  errors: FormErrors;
  onChange: (auth: AuthValues) => void;
}) {
  const keeping = storedType !== null && storedType === auth.type;
  const placeholder = keeping ? "unchanged" : undefined;
  /** A credential's text field: its value, change handler and API error wired by key; secrets masked. */
  const field = (
    key: TextKey,
    label: string,
    props: Omit<ComponentProps<typeof TextField>, "label" | "value" | "onChange" | "error"> = {},
  ) => (
    <TextField
      label={label}
      value={auth[key]}
      onChange={(event) => onChange({ ...auth, [key]: event.target.value })}
      error={errors[`auth.${key}`]}
      {...(SECRET_KEYS.has(key) ? { type: "password", autoComplete: "new-password" } : { autoComplete: "off" })}
      {...props}
    />
  );
  return (
    <div className="space-y-4">
      <SelectField
        label="Authentication"
        value={auth.type}
        onChange={(event) => onChange({ ...auth, type: event.target.value as AuthType })}
        hint={HINTS[auth.type]}
      >
        {(Object.keys(LABELS) as AuthType[]).map((type) => (
          <option key={type} value={type}>
            {LABELS[type]}
          </option>
        ))}
      </SelectField>
      {keeping && (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-slate-200">
          Credentials are stored encrypted and never shown. Leave these fields empty to keep them; fill all required
          ones to replace them.
        </p>
      )}
      {auth.type === "basic" && (
        <div className="grid gap-4 sm:grid-cols-2">
          {field("username", "Username", { placeholder })}
          {field("password", "Password", { placeholder })}
        </div>
      )}
      {auth.type === "bearer" && field("token", "Token", { placeholder, autoComplete: "off" })}
      {auth.type === "oauth2" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            {field("tokenUrl", "Token URL", {
              type: "url",
              inputMode: "url",
              autoComplete: undefined,
              placeholder: placeholder ?? "https://auth.example.com/oauth/token",
            })}
          </div>
          {field("clientId", "Client ID", { placeholder })}
          {field("clientSecret", "Client secret", { placeholder })}
          {field("scope", "Scope (optional)")}
          {field("audience", "Audience (optional)")}
        </div>
      )}
      {auth.type === "jwt" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <SelectField
              label="Algorithm"
              value={auth.algorithm || (keeping ? "" : "EdDSA")}
              onChange={(event) => onChange({ ...auth, algorithm: event.target.value as JwtAlgorithm | "" })}
            >
              {keeping && <option value="">Unchanged</option>}
              {JWT_ALGORITHMS.map((algorithm) => (
                <option key={algorithm} value={algorithm}>
                  {ALGORITHM_LABELS[algorithm]}
                </option>
              ))}
            </SelectField>
          </div>
          {auth.algorithm === "HS256" && (
            <div className="sm:col-span-2">{field("secret", "Shared secret (at least 32 bytes)")}</div>
          )}
          {field("audience", "Audience (optional)", { placeholder: placeholder ?? "The endpoint URL" })}
          {field("header", "Header (optional)", {
            spellCheck: false,
            placeholder: placeholder ?? "authorization",
            hint: "Another header carries the bare token.",
          })}
        </div>
      )}
    </div>
  );
}
