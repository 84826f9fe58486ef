// A tenant's members and invites (owners manage them).
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { zPage } from "@/lib/schemas/common";
import {
  ZCreatedInvite,
  ZCreateInvite,
  ZInviteView,
  ZListInvitesQuery,
  ZListMembersQuery,
  ZMemberView,
  ZUpdateMember,
} from "@/lib/schemas/tenants";
import { defineOperation } from "./api-operation";
import { ok, created, noContent, TENANT } from "./catalog-helpers";

export const listMembers = defineOperation({
  operationId: "listMembers",
  method: "get",
  path: `${TENANT}/members`,
  tag: "Members",
  summary: "List members",
  access: "read",
  query: ZListMembersQuery,
  portal: false,
  responses: [ok("A page of members.", zPage(ZMemberView))],
});

export const updateMember = defineOperation({
  operationId: "updateMember",
  method: "patch",
  path: `${TENANT}/members/{user}`,
  tag: "Members",
  summary: "Change a member's role",
  access: "manage",
  body: ZUpdateMember,
  responses: [ok("The member.", ZMemberView)],
  errors: [409],
});

export const removeMember = defineOperation({
  operationId: "removeMember",
  method: "delete",
  path: `${TENANT}/members/{user}`,
  tag: "Members",
  summary: "Remove a member",
  access: "manage",
  responses: [noContent("Removed.")],
  errors: [409],
});

export const listInvites = defineOperation({
  operationId: "listInvites",
  method: "get",
  path: `${TENANT}/invites`,
  tag: "Members",
  summary: "List invites",
  access: "manage",
  query: ZListInvitesQuery,
  responses: [ok("A page of invites.", zPage(ZInviteView))],
});

export const createInvite = defineOperation({
  operationId: "createInvite",
  method: "post",
  path: `${TENANT}/invites`,
  tag: "Members",
  summary: "Invite someone",
  description: "The answer holds the invite token and link (valid 7 days, single use); they are not shown again.",
  access: "manage",
  body: ZCreateInvite,
  responses: [created("The invite, with its token.", ZCreatedInvite)],
  errors: [409],
});

export const revokeInvite = defineOperation({
  operationId: "revokeInvite",
  method: "delete",
  path: `${TENANT}/invites/{invite}`,
  tag: "Members",
  summary: "Revoke an invite",
  access: "manage",
  responses: [noContent("Revoked.")],
  errors: [409],
});

/** Answers named in the document's components.schemas. */
export const views = {
  Member: ZMemberView,
  Invite: ZInviteView,
  CreatedInvite: ZCreatedInvite,
};
