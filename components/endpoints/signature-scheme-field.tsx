"use client";
// v1 (HMAC with a shared whsec_ secret) or v1a (Ed25519: the receiver holds only a whpk_ public
// key, which cannot forge a webhook). On an existing endpoint a change is a key rotation: the old
// key keeps signing beside the new one for the usual overlap.
import { SelectField } from "@/components/ui/field";
import type { TSignatureScheme } from "@/lib/schemas/endpoints";

const LABELS: Record<TSignatureScheme, string> = {
  v1: "v1 – HMAC-SHA256 with a shared whsec_ secret",
  v1a: "v1a – Ed25519; receivers hold only a whpk_ public key",
};

export function SignatureSchemeField({
  value,
  stored,
  onChange,
}: {
  value: TSignatureScheme;
  /** The endpoint's scheme; null for a new endpoint. */
  stored: TSignatureScheme | null;
  onChange: (scheme: TSignatureScheme) => void;
}) {
  const hint =
    stored && stored !== value
      ? "Saving rotates to a new key of this kind; the current key keeps signing too for the overlap period."
      : "Both follow the Standard Webhooks specification (webhook-signature header).";
  return (
    <SelectField
      label="Signature scheme"
      name="signatureScheme"
      value={value}
      onChange={(event) => onChange(event.target.value as TSignatureScheme)}
      hint={hint}
    >
      {(Object.keys(LABELS) as TSignatureScheme[]).map((scheme) => (
        <option key={scheme} value={scheme}>
          {LABELS[scheme]}
        </option>
      ))}
    </SelectField>
  );
}
