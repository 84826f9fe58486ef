// swagger-ui-dist ships no types; this is the one function Hookline uses from it.
declare module "swagger-ui-dist" {
  /** The package's folder on disk, where its prebuilt browser files are. */
  export function getAbsoluteFSPath(): string;
}
