import { createInterface } from 'node:readline';
import { runCommandText } from '../../src/commands/run.js';
import type { CommandContext } from '../../src/commands/types.js';
import { renderResultText } from '../../src/render/text.js';

export interface ConsoleSessionOptions {
  input: NodeJS.ReadableStream;
  write: (s: string) => void;
  /** A fresh command context per line (the clock moves on between lines). */
  context: () => CommandContext;
  /** Print a prompt (interactive terminals only). */
  prompt?: boolean;
}

/**
 * Read lines typed as slash commands (`/brief`, `/brief territory`, `/questions`, `/help`, or `/sitrep …`)
 * and answer each one. Resolves at end of input or on `/quit`.
 */
export async function runConsoleSession(opts: ConsoleSessionOptions): Promise<void> {
  const rl = createInterface({ input: opts.input, terminal: false });
  const prompt = () => {
    if (opts.prompt) opts.write('sitrep> ');
  };
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') {
      prompt();
      continue;
    }
    if (/^\/?(quit|exit)$/i.test(line)) break;
    const text = line.replace(/^\//, '').replace(/^sitrep\b\s*/i, '');
    const result = await runCommandText(text, opts.context());
    opts.write(`${renderResultText(result)}\n\n`);
    prompt();
  }
  rl.close();
}
