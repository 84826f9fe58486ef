export { removeMember, updateMember } from "./change-member";
export { listMembers } from "./list-members";
export { toMemberView, type MemberView } from "./member-view";
