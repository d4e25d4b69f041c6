import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * One HTTP server on PORT for everything sitrep serves (Slack events, Discord interactions, health, metrics),
 * so HTTP-mode Slack and Discord can share a process and a port.
 */
export class HttpRouter {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly prefixes: Array<{ method: string; prefix: string; handler: RouteHandler }> = [];
  private server: Server | undefined;

  /** Register `handler` for `METHOD path` (exact path match; query strings ignored). */
  route(method: string, path: string, handler: RouteHandler): void {
    this.routes.set(`${method.toUpperCase()} ${path}`, handler);
  }

  /** Register `handler` for every `METHOD` path starting with `prefix` (checked after exact routes). */
  routePrefix(method: string, prefix: string, handler: RouteHandler): void {
    this.prefixes.push({ method: method.toUpperCase(), prefix, handler });
  }

  get hasRoutes(): boolean {
    return this.routes.size > 0 || this.prefixes.length > 0;
  }

  /** The request listener, usable with any node http server (tests mount it directly). */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const handler = this.routes.get(`${method} ${path}`) ?? this.prefixes.find((p) => p.method === method && path.startsWith(p.prefix))?.handler;
    if (!handler) {
      const allowed = [...this.routes.keys()].filter((k) => k.endsWith(` ${path}`));
      res.statusCode = allowed.length > 0 ? 405 : 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(allowed.length > 0 ? 'method not allowed\n' : 'not found\n');
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch(() => {
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end('internal error\n');
        } else res.destroy();
      });
  };

  /** Listen on `port` (0 = random). Resolves with the bound port. */
  async listen(port: number, host?: string): Promise<number> {
    const server = createServer(this.listener);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const addr = server.address();
    return typeof addr === 'object' && addr ? addr.port : port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeIdleConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
