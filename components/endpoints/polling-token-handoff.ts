// A new polling endpoint's token, from the form's create answer to the endpoint's page (the
// client-side navigation keeps this module): held in memory only, never in the URL or in storage,
// and taken once. A reload shows it masked; a rotation makes a new one.
const tokens = new Map<string, string>();

export function handOffPollingToken(endpointId: string, token: string): void {
  tokens.set(endpointId, token);
}

/** The token handed over for this endpoint, if any; it is forgotten here once taken. */
export function takePollingToken(endpointId: string): string | null {
  const token = tokens.get(endpointId) ?? null;
  tokens.delete(endpointId);
  return token;
}
