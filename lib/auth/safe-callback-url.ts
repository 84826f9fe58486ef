/** Where to go after signing in: a path on this site only (never an open redirect). */
export function safeCallbackUrl(value: string | undefined | null, fallback = "/t"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
