import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Read a request body of at most `max` bytes. Resolves undefined as soon as the body is known to be larger
 * (declared by Content-Length or counted while streaming), without buffering the rest.
 */
export function readCappedBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * A body that declares its length within `max` (Content-Length, no Transfer-Encoding): Node's HTTP parser delivers
 * exactly that many bytes, so the request can be handed on as a stream without reading it here first.
 */
export function declaredWithin(req: IncomingMessage, max: number): boolean {
  const header = req.headers['content-length'];
  if (header === undefined || req.headers['transfer-encoding'] !== undefined || !/^\d{1,12}$/.test(header)) return false;
  return Number(header) <= max;
}

/** 413 with `connection: close`, so the client stops sending and the socket goes away after the response. */
export function payloadTooLarge(res: ServerResponse): void {
  if (res.headersSent) return;
  res.statusCode = 413;
  res.setHeader('content-type', 'application/json');
  res.setHeader('connection', 'close');
  res.end('{"error":"payload too large"}');
}
