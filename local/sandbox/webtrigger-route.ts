import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalForge } from '../host/local-forge';
import { INVOCATION_LIMITS } from '../host/invocation-limits';

/** Web trigger URLs on the sandbox: `/x/webtrigger/<module key>/<path the app reads>`. */
const ROUTE = /^\/x\/webtrigger\/([A-Za-z0-9_-]+)(?:\/(.*))?$/;

/**
 * Serves the app's web triggers on localhost, as Forge serves them on their URL: the
 * raw body as a string, the headers, and the path after the trigger's own part. A body
 * larger than Forge's invocation payload is refused before it is read in full. Queued
 * work runs in the background afterwards, as Forge runs it soon after. Returns false
 * when the path is not a web trigger's.
 */
export async function serveWebTrigger(
  forge: LocalForge,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  onQueueError: (error: unknown) => void
): Promise<boolean> {
  const match = ROUTE.exec(pathname);
  if (!match) return false;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > INVOCATION_LIMITS.requestBytes) {
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Payload Too Large');
      req.destroy();
      return true;
    }
    chunks.push(chunk as Buffer);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers[name] = value;
  }
  const answer = await forge.webTrigger(match[1] ?? '', {
    method: req.method ?? 'GET',
    userPath: match[2] ?? '',
    headers,
    body: Buffer.concat(chunks).toString('utf8')
  });
  const out: Record<string, string> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  for (const [name, values] of Object.entries(answer.headers)) out[name.toLowerCase()] = values.join(', ');
  res.writeHead(answer.statusCode, out);
  res.end(answer.body);
  void forge.drainQueues().catch(onQueueError);
  return true;
}
