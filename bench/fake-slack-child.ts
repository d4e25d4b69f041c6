/**
 * Child process that serves the fake Slack Web API (and response_url) for the slash-command case, so the fake's
 * own work (receiving every respond() call) runs in its own process, as Slack's servers would, instead of on the
 * event loop being measured. Prints `{"apiUrl":…,"responseUrl":…}`; on a "stats" line prints the respond() count.
 */
import { createInterface } from 'node:readline';
import { FakeSlackApi } from '../tests/fakes/slack-api.js';

const api = await new FakeSlackApi().start();
process.stdout.write(`${JSON.stringify({ apiUrl: api.apiUrl, responseUrl: api.responseUrl('bench') })}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'stats') return;
  process.stdout.write(`${JSON.stringify({ respondCalls: api.callsOf('response_url').length })}\n`);
  void api.close().then(() => process.exit(0));
});
