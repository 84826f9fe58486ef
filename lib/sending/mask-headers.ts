// Attempt logs show what was sent, but a log is not a place for credentials: the Authorization
// value and custom header values (stored encrypted, so treated as secrets) are masked, and the
// signatures are cut to a recognisable stub. Runs once per try: plain loops, no Set per call.
const MASK = "••••••";

function maskSignatures(value: string): string {
  let out = "";
  let start = 0;
  while (start <= value.length) {
    let end = value.indexOf(" ", start);
    if (end < 0) end = value.length;
    out += `${out || start > 0 ? " " : ""}${value.slice(start, Math.min(start + 9, end))}${MASK}`;
    start = end + 1;
  }
  return out;
}

function isCustom(lower: string, customHeaderNames: readonly string[]): boolean {
  for (const name of customHeaderNames) if (name.toLowerCase() === lower) return true;
  return false;
}

export function maskRequestHeaders(
  headers: Record<string, string>,
  customHeaderNames: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name]!;
    const lower = name.toLowerCase();
    if (lower === "authorization") {
      const space = value.indexOf(" ");
      out[lower] = `${space < 0 ? value : value.slice(0, space)} ${MASK}`;
    } else if (lower === "webhook-signature") out[lower] = maskSignatures(value);
    else if (isCustom(lower, customHeaderNames)) out[lower] = MASK;
    else out[lower] = value;
  }
  return out;
}
