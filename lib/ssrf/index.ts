// The SSRF guard: one policy (classify-address) applied twice, at endpoint creation
// (parse-target, literal addresses only) and at every connect (create-guarded-connector,
// after the single DNS lookup). Import from "@/lib/ssrf", not from the files.
export { classifyAddress, type AddressVerdict, type BlockedRange, type Ipv4Embedding } from "./classify-address";
export { parseTarget, type ParsedTarget, type ParseTargetOptions, type TargetRefusalCode } from "./parse-target";
export {
  checkProxiedTarget,
  createGuardedConnector,
  type GuardedConnectorOptions,
  type ResolveHost,
  type ResolvedAddress,
} from "./create-guarded-connector";
export { isOwnPlaygroundRequest, isOwnPlaygroundUrl, PLAYGROUND_PATH_PREFIX } from "./own-playground";
export { SsrfBlockedError, SsrfDnsError, ssrfErrorKind, type SsrfErrorKind } from "./ssrf-errors";
