/** The caller's address as the proxy in front of us reports it (first X-Forwarded-For hop). */
export function clientAddressOf(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
