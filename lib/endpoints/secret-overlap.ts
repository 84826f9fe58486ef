// The rule of a secret rotation, in one place: the old secret keeps signing next to the new one
// until `previousSecretExpiresAt` (set to now + HOOKLINE_SECRET_OVERLAP_MS by the rotation,
// lib/endpoints/endpoint-secret.ts), so receivers can switch without dropping a webhook. The
// sender signs with both meanwhile; the dashboard and the API show until when. No server-only
// imports: the dashboard's secret card uses it in the browser too.

/** True while the previous secret still signs: its overlap ends after `now`. */
export function inOverlap(previousSecretExpiresAt: Date | string | null, now = Date.now()): boolean {
  return previousSecretExpiresAt !== null && new Date(previousSecretExpiresAt).getTime() > now;
}

/** Until when the previous secret still signs (ISO time), or null when there is no overlap now. */
export function overlapUntil(previousSecretExpiresAt: Date | null, now = Date.now()): string | null {
  return previousSecretExpiresAt && inOverlap(previousSecretExpiresAt, now)
    ? previousSecretExpiresAt.toISOString()
    : null;
}

export interface EndpointSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/** The secrets to sign with right now: the current one, plus the previous during its overlap. */
export function signingSecrets(secrets: EndpointSecrets, now = Date.now()): string[] {
  return secrets.previousSecret && inOverlap(secrets.previousSecretExpiresAt, now)
    ? [secrets.secret, secrets.previousSecret]
    : [secrets.secret];
}
