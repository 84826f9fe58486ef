// Attempt logs show what was sent, but a log is not a place for credentials: the Authorization
// value and custom header values (stored encrypted, so treated as secrets) are masked, and the
// signatures are cut to a recognisable stub.
const MASK = "••••••";

export function maskRequestHeaders(
  headers: Record<string, string>,
  customHeaderNames: readonly string[],
): Record<string, string> {
  const custom = new Set(customHeaderNames.map((name) => name.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === "authorization") out[lower] = `${value.split(" ")[0]} ${MASK}`;
    else if (lower === "webhook-signature")
      out[lower] = value
        .split(" ")
        .map((signature) => `${signature.slice(0, 9)}${MASK}`)
        .join(" ");
    else if (custom.has(lower)) out[lower] = MASK;
    else out[lower] = value;
  }
  return out;
}
