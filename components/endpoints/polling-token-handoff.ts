// A new polling endpoint's token, from the form's create answer to the endpoint's page (the
// client-side navigation keeps this module): held in memory only, never in the URL or in storage,
// and forgotten once the page that shows it has mounted. A reload shows it masked; a rotation makes a new one.
// Reading and forgetting are separate: React may render a component and throw that render away
// (a sibling suspends) before it commits, so a render may only read; the commit forgets.
const tokens = new Map<string, string>();

export function handOffPollingToken(endpointId: string, token: string): void {
  tokens.set(endpointId, token);
}

/** The token handed over for this endpoint, if any (pure: safe in a render). */
export function peekPollingToken(endpointId: string): string | null {
  return tokens.get(endpointId) ?? null;
}

/** Forgets the handed-over token: called once the page showing it has committed. */
export function forgetPollingToken(endpointId: string): void {
  tokens.delete(endpointId);
}
