import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

// One keep-alive pool per scheme: answers to a burst of commands reuse connections to Slack's response endpoint.
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 32 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 32 });

/**
 * POST a message to a slash command's `response_url` (what Bolt's `respond()` does), on a plain keep-alive
 * client: the answer path runs for every command, and axios per request cost a quarter of the CPU under load.
 * Resolves on 2xx; rejects with the status otherwise, or on a network error or a 10 s timeout.
 */
export function postToResponseUrl(url: string, message: unknown): Promise<void> {
  const target = new URL(url);
  const body = JSON.stringify(message);
  const https = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        agent: https ? httpsAgent : httpAgent,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => ((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`response_url answered HTTP ${res.statusCode ?? '?'}`))));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('response_url timed out')));
    req.on('error', reject);
    req.end(body);
  });
}
