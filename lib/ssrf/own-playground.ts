// The one exception to the SSRF policy: the instance's own playground receiver
// (app/api/playground/{mode}/{endpoint}, used by `npm run seed:demo`). It lives on this very
// server, usually on localhost, which the guard refuses in production. Only URLs that are
// exactly "<HOOKLINE_PUBLIC_URL origin>/api/playground/<word>/<word>" pass: same scheme, host
// and port as the public URL, and a path of plain words, so neither another local port nor
// another path of this server (the API, the admin pages) can be reached through the exception,
// and no "..", percent-encoding or query can bend the path elsewhere after the check.
export const PLAYGROUND_PATH_PREFIX = "/api/playground/";

const PLAYGROUND_PATH = /^\/api\/playground\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/;

/** The origin (`http://localhost:3000`) of a URL, or null when it is not an http(s) URL. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * True when `origin` + `path` (as an HTTP client splits a request: `path` is what goes on the
 * request line) is one of this instance's playground receivers, `publicUrl` being the
 * instance's HOOKLINE_PUBLIC_URL.
 */
export function isOwnPlaygroundRequest(origin: string, path: string, publicUrl: string): boolean {
  const own = originOf(publicUrl);
  return own !== null && originOf(origin) === own && PLAYGROUND_PATH.test(path);
}

/** The same rule for a whole URL (endpoint URLs at create time). */
export function isOwnPlaygroundUrl(url: string, publicUrl: string): boolean {
  // The raw text is checked as well as the parsed form: URL() would quietly resolve "/x/../".
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const rawPath = /^[a-z]+:\/\/[^/?#]*(\/[^?#]*)$/i.exec(url)?.[1];
  return (
    rawPath === parsed.pathname &&
    !parsed.username &&
    !parsed.password &&
    isOwnPlaygroundRequest(parsed.origin, parsed.pathname, publicUrl)
  );
}
