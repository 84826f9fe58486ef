export { acceptInvite, acceptInviteWith } from "./accept-invite";
export { createInvite } from "./create-invite";
export { generateInviteToken, hashInviteToken, INVITE_TTL_MS } from "./invite-token";
export { toInviteView, type InviteView } from "./invite-view";
export { listInvites } from "./list-invites";
export { revokeInvite } from "./revoke-invite";
export { describeInvite, type InviteDescription } from "./describe-invite";
