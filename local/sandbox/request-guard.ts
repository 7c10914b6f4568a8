import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header the sandbox's own pages send their session token in. */
export const TOKEN_HEADER = 'x-sandbox-token';

export interface Refusal {
  status: 400 | 403 | 415;
  message: string;
}

/** The host names the sandbox answers to: it listens on 127.0.0.1 only. */
const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];

function sameToken(sent: string, token: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Every request must name the sandbox itself in `Host`: a page that rebinds its own
 * domain to 127.0.0.1 (DNS rebinding) sends its own name there, so it can neither call
 * the API nor read the shell page and the token inside it.
 */
export function refuseForeignHost(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const allowed = LOCAL_HOSTS.map((host) => `${host}:${port}`);
  return allowed.includes(headers.host ?? '') ? null : { status: 403, message: 'Unknown host' };
}

/**
 * The API acts as any sandbox user, so only the sandbox's own pages may call it, and a
 * page open on another site in the same browser must not: the caller must be
 * same-origin (`Origin` and `Sec-Fetch-Site`, when the client sends them, as browsers
 * do), carry the per-session token that only the sandbox's pages hold (a cross-site
 * page can neither read it nor set a custom header without a CORS preflight, which is
 * never granted), and, for a body, send `application/json` (which an HTML form cannot).
 */
export function refuseApiRequest(
  headers: IncomingHttpHeaders,
  options: { port: number; token: string; hasBody: boolean }
): Refusal | null {
  const origins = LOCAL_HOSTS.map((host) => `http://${host}:${options.port}`);
  if (headers.origin !== undefined && !origins.includes(headers.origin)) {
    return { status: 403, message: 'Cross-origin calls are refused' };
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    return { status: 403, message: 'Cross-site calls are refused' };
  const sent = headers[TOKEN_HEADER];
  if (typeof sent !== 'string' || !sameToken(sent, options.token)) {
    return { status: 403, message: 'Missing or wrong sandbox token' };
  }
  if (options.hasBody) {
    const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return { status: 415, message: 'Send application/json' };
  }
  return null;
}
