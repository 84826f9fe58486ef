import packageJson from "../package.json";

/** Hookline's version, as released in package.json (sent as `user-agent: Hookline/<version>`). */
export const HOOKLINE_VERSION: string = packageJson.version;
