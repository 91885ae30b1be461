/**
 * A tiny static file server on 127.0.0.1 for the demo page and test fixtures. Why our own: the
 * tests need per-request headers (CSP, caching) and a guaranteed loopback-only listener, which is a
 * few lines here and a dependency elsewhere.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A running server and how to reach and stop it. */
export interface StaticServer {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serve `root` on 127.0.0.1 (port 0 = any free port). Paths outside `root` are refused.
 * `headers` lets a test add response headers (e.g. a CSP) for a given path.
 */
export async function serveStatic(
  root: string,
  { port = 0, headers }: { port?: number; headers?: (path: string) => Record<string, string> } = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers?.(url.pathname),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    server,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // Browsers keep connections alive; without this, close() waits for them indefinitely.
        server.closeAllConnections();
      }),
  };
}
