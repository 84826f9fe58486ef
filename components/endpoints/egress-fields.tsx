"use client";
// How this endpoint's requests leave: the client certificate it presents (mTLS), a private CA it
// trusts, the proxy it goes through and whether trace context is sent. PEM can be pasted or
// loaded from a file; a stored certificate is shown by its details (the key never is) and kept
// unless replaced or removed.
import { useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Time } from "@/components/ui/time";
import type { TCertificateDetails } from "@/lib/schemas/egress";
import type { EgressFormValues, ProxyChoice } from "./egress-form-values";
import type { FormErrors } from "./endpoint-form-values";

const PROXY_LABELS: Record<ProxyChoice, string> = {
  default: "Server's egress proxy (default)",
  none: "Direct (no proxy)",
  custom: "Its own proxy",
};

const PROXY_HINTS: Record<ProxyChoice, string> = {
  default:
    "Tries go through the proxy the server is configured with (HOOKLINE_EGRESS_PROXY), or direct if it has none.",
  none: "Tries go straight to the receiver, even when the server has an egress proxy.",
  custom: "An HTTP CONNECT proxy; credentials go in the URL (http://user:password@host:port) and are stored encrypted.",
};

function PemField({
  label,
  fileLabel,
  value,
  error,
  hint,
  placeholder,
  onChange,
}: {
  label: string;
  fileLabel: string;
  value: string;
  error?: string;
  hint?: string;
  placeholder: string;
  onChange: (pem: string) => void;
}) {
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onChange(await file.text());
    event.target.value = "";
  };
  return (
    <div className="space-y-2">
      <TextAreaField
        label={label}
        rows={4}
        spellCheck={false}
        autoComplete="off"
        className="text-xs"
        placeholder={placeholder}
        value={value}
        error={error}
        hint={hint}
        onChange={(event) => onChange(event.target.value)}
      />
      <input
        type="file"
        aria-label={fileLabel}
        accept=".pem,.crt,.cer,.key,text/plain,application/x-pem-file"
        onChange={load}
        className="block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200"
      />
    </div>
  );
}

/** A stored certificate's details, with Replace and Remove (or Undo once removed). */
function StoredCertificate({
  details,
  removed,
  onReplace,
  onRemove,
}: {
  details: TCertificateDetails;
  removed: boolean;
  onReplace: () => void;
  onRemove: (remove: boolean) => void;
}) {
  return (
    <div className="flex flex-col gap-3 rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200 sm:flex-row sm:items-start sm:justify-between">
      <dl className={removed ? "min-w-0 text-slate-400 line-through" : "min-w-0 text-slate-700"}>
        <dt className="sr-only">Subject</dt>
        <dd className="break-all font-mono text-xs">{details.subject}</dd>
        <dt className="sr-only">Issuer</dt>
        <dd className="break-all text-xs text-slate-500">issued by {details.issuer}</dd>
        <dt className="sr-only">Expiry</dt>
        <dd className="text-xs text-slate-500">
          Expires <Time value={details.notAfter} mode="both" />
        </dd>
      </dl>
      <div className="flex shrink-0 gap-2">
        {removed ? (
          <>
            <span className="self-center text-xs text-red-700">Removed on save</span>
            <Button type="button" size="sm" variant="secondary" onClick={() => onRemove(false)}>
              Undo
            </Button>
          </>
        ) : (
          <>
            <Button type="button" size="sm" variant="secondary" onClick={onReplace}>
              Replace
            </Button>
            <Button type="button" size="sm" variant="secondary" onClick={() => onRemove(true)}>
              Remove
            </Button>
          </>
        )}
      </div>
    </div>
  );
}

export function EgressFields({
  values,
  stored,
  errors,
  onChange,
}: {
  values: EgressFormValues;
  /** The stored certificate and CA (an existing endpoint). */
  stored: { clientCertificate: TCertificateDetails | null; caCertificate: TCertificateDetails | null };
  errors: FormErrors;
  onChange: (values: EgressFormValues) => void;
}) {
  const set = (patch: Partial<EgressFormValues>) => onChange({ ...values, ...patch });
  // The PEM fields of a stored certificate show once "Replace" is pressed (or a server error names them).
  const [replacing, setReplacing] = useState({ certificate: false, ca: false });
  const certificateError = errors["clientCertificate.certificate"] ?? errors["clientCertificate.privateKey"];
  const showCertificate = !stored.clientCertificate || replacing.certificate || Boolean(certificateError);
  const showCa = !stored.caCertificate || replacing.ca || Boolean(errors.caCertificate);
  return (
    <div className="space-y-6">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Client certificate (mTLS)</legend>
        <p className="text-sm text-slate-500">
          Presented to the receiver on every try. The private key is stored encrypted and never shown again.
        </p>
        {stored.clientCertificate && (
          <StoredCertificate
            details={stored.clientCertificate}
            removed={values.certificateAction === "remove"}
            onReplace={() => setReplacing((current) => ({ ...current, certificate: true }))}
            onRemove={(remove) => {
              set({ certificateAction: remove ? "remove" : "keep", certificate: "", privateKey: "" });
              setReplacing((current) => ({ ...current, certificate: false }));
            }}
          />
        )}
        {showCertificate && values.certificateAction === "keep" && (
          <div className="grid gap-4 lg:grid-cols-2">
            <PemField
              label="Certificate (PEM)"
              fileLabel="Certificate file"
              placeholder="-----BEGIN CERTIFICATE-----"
              hint={
                stored.clientCertificate
                  ? "Leave both empty to keep the stored certificate."
                  : "With its chain after it, if any."
              }
              value={values.certificate}
              error={errors["clientCertificate.certificate"]}
              onChange={(certificate) => set({ certificate })}
            />
            <PemField
              label="Private key (PEM)"
              fileLabel="Private key file"
              placeholder="-----BEGIN PRIVATE KEY-----"
              hint="Unencrypted PKCS#8, PKCS#1 or SEC1."
              value={values.privateKey}
              error={errors["clientCertificate.privateKey"]}
              onChange={(privateKey) => set({ privateKey })}
            />
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Private CA</legend>
        {stored.caCertificate && (
          <StoredCertificate
            details={stored.caCertificate}
            removed={values.caAction === "remove"}
            onReplace={() => setReplacing((current) => ({ ...current, ca: true }))}
            onRemove={(remove) => {
              set({ caAction: remove ? "remove" : "keep", caCertificate: "" });
              setReplacing((current) => ({ ...current, ca: false }));
            }}
          />
        )}
        {showCa && values.caAction === "keep" && (
          <PemField
            label="Private CA (PEM)"
            fileLabel="Private CA file"
            placeholder="-----BEGIN CERTIFICATE-----"
            hint="Trusted, besides the public CAs, for the receiver's server certificate. Optional."
            value={values.caCertificate}
            error={errors.caCertificate}
            onChange={(caCertificate) => set({ caCertificate })}
          />
        )}
      </fieldset>

      <div className="space-y-4">
        <SelectField
          label="Egress proxy"
          value={values.proxy}
          onChange={(event) => set({ proxy: event.target.value as ProxyChoice })}
          hint={PROXY_HINTS[values.proxy]}
        >
          {(Object.keys(PROXY_LABELS) as ProxyChoice[]).map((choice) => (
            <option key={choice} value={choice}>
              {PROXY_LABELS[choice]}
            </option>
          ))}
        </SelectField>
        {values.proxy === "custom" && (
          <TextField
            label="Proxy URL"
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="http://proxy.internal:3128"
            value={values.proxyUrl}
            error={errors.proxyUrl}
            onChange={(event) => set({ proxyUrl: event.target.value })}
          />
        )}
        {values.proxy !== "custom" && errors.proxyUrl && <p className="text-sm text-danger">{errors.proxyUrl}</p>}
      </div>

      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          name="traceContext"
          checked={values.traceContext}
          onChange={(event) => set({ traceContext: event.target.checked })}
          className="h-4 w-4 rounded border-slate-300"
        />
        Send trace context (traceparent)
      </label>
    </div>
  );
}
