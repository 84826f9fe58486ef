/** The LISTEN/NOTIFY channel that wakes workers when deliveries become due now. */
export const DELIVERIES_CHANNEL = "hookline_deliveries";

/**
 * NOTIFY with an endpoint id as payload when a polling endpoint gets deliveries (publish,
 * recover): wakes the long polls waiting on it (lib/polling/poll-waiters.ts).
 */
export const POLLING_CHANNEL = "hookline_polling";
