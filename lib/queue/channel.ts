/** The LISTEN/NOTIFY channel that wakes workers when deliveries become due now. */
export const DELIVERIES_CHANNEL = "hookline_deliveries";
