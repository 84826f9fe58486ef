export { issuePortalAccess, portalUrl, type PortalAccess } from "./issue-portal-access";
export { redeemPortalToken, type RedeemedPortalToken } from "./redeem-portal-token";
export { resolvePortalLook, type PortalLook } from "./portal-settings";
export { generatePortalToken, hashPortalToken, looksLikePortalToken } from "./portal-token";
