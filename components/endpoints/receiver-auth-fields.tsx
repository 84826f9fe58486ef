"use client";
// How the receiver knows a request is really from us, besides the signature: HTTP Basic, a
// static Bearer token, an OAuth2 token fetched with the client-credentials grant, or a JWT
// minted per request. Stored encrypted and never shown again, so on an existing endpoint blank
// fields keep what is stored.
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
  const set = (key: keyof AuthValues) => (event: { target: { value: string } }) =>
    onChange({ ...auth, [key]: event.target.value });
  const keeping = storedType !== null && storedType === auth.type;
  const placeholder = keeping ? "unchanged" : undefined;
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
          <TextField
            label="Username"
            value={auth.username}
            onChange={set("username")}
            error={errors["auth.username"]}
            autoComplete="off"
            placeholder={placeholder}
          />
          <TextField
            label="Password"
            type="password"
            value={auth.password}
            onChange={set("password")}
            error={errors["auth.password"]}
            autoComplete="new-password"
            placeholder={placeholder}
          />
        </div>
      )}
      {auth.type === "bearer" && (
        <TextField
          label="Token"
          type="password"
          value={auth.token}
          onChange={set("token")}
          error={errors["auth.token"]}
          autoComplete="off"
          placeholder={placeholder}
        />
      )}
      {auth.type === "oauth2" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <TextField
              label="Token URL"
              type="url"
              inputMode="url"
              value={auth.tokenUrl}
              onChange={set("tokenUrl")}
              error={errors["auth.tokenUrl"]}
              placeholder={placeholder ?? "https://auth.example.com/oauth/token"}
            />
          </div>
          <TextField
            label="Client ID"
            value={auth.clientId}
            onChange={set("clientId")}
            error={errors["auth.clientId"]}
            autoComplete="off"
            placeholder={placeholder}
          />
          <TextField
            label="Client secret"
            type="password"
            value={auth.clientSecret}
            onChange={set("clientSecret")}
            error={errors["auth.clientSecret"]}
            autoComplete="new-password"
            placeholder={placeholder}
          />
          <TextField
            label="Scope (optional)"
            value={auth.scope}
            onChange={set("scope")}
            error={errors["auth.scope"]}
            autoComplete="off"
          />
          <TextField
            label="Audience (optional)"
            value={auth.audience}
            onChange={set("audience")}
            error={errors["auth.audience"]}
            autoComplete="off"
          />
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
            <div className="sm:col-span-2">
              <TextField
                label="Shared secret (at least 32 bytes)"
                type="password"
                value={auth.secret}
                onChange={set("secret")}
                error={errors["auth.secret"]}
                autoComplete="new-password"
              />
            </div>
          )}
          <TextField
            label="Audience (optional)"
            value={auth.audience}
            onChange={set("audience")}
            error={errors["auth.audience"]}
            autoComplete="off"
            placeholder={placeholder ?? "The endpoint URL"}
          />
          <TextField
            label="Header (optional)"
            value={auth.header}
            onChange={set("header")}
            error={errors["auth.header"]}
            autoComplete="off"
            spellCheck={false}
            placeholder={placeholder ?? "authorization"}
            hint="Another header carries the bare token."
          />
        </div>
      )}
    </div>
  );
}
