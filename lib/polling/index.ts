export { pollEndpoint, FETCH_ATTEMPT_URL, type PollOptions, type PollPage, type PolledMessage } from "./poll-endpoint";
export { rotatePollingToken } from "./rotate-polling-token";
export { generatePollingToken, hashPollingToken, isPollingToken, POLLING_TOKEN_PREFIX } from "./polling-token";
export { stopPollListener, waitingPolls } from "./poll-waiters";
