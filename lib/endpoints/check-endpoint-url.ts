// Create/update-time URL rules: http(s) only, no credentials in the URL, https when the
// operator requires it, and no literal address in a blocked range (unless private networks are
// allowed). Names are checked again at every send, after DNS (lib/ssrf connector).
import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isOwnPlaygroundUrl, parseTarget } from "@/lib/ssrf";

/** The normalised URL to store, or a 422 saying what is wrong with it. */
export function checkEndpointUrl(input: string): string {
  const settings = env();
  // The instance's own playground receiver is allowed by the same rule that lets the worker send to it.
  const allowPrivateNetworks =
    settings.HOOKLINE_ALLOW_PRIVATE_NETWORKS || isOwnPlaygroundUrl(input, settings.HOOKLINE_PUBLIC_URL);
  const target = parseTarget(input, { allowPrivateNetworks });
  if (!target.ok) {
    throw new AppError("validation_failed", target.message, [
      { path: "url", message: target.message, code: target.code },
    ]);
  }
  if (settings.HOOKLINE_REQUIRE_HTTPS && target.url.protocol !== "https:") {
    const message = "Endpoint URLs must use https on this server.";
    throw new AppError("validation_failed", message, [{ path: "url", message, code: "https_required" }]);
  }
  return target.url.href;
}
