import type { SubcommandDefinition } from './types.js';

/** `/sitrep help`: usage of every subcommand. Its text comes from the registry (see run.ts). */
export const help: SubcommandDefinition<Record<string, never>> = {
  name: 'help',
  readOnly: true,
  description: 'How to use sitrep',
  usage: '/sitrep help',
  options: [],
  parse: () => ({ ok: true, value: {} }),
  async execute() {
    const { helpText } = await import('./run.js');
    return { kind: 'text', ephemeral: true, text: helpText() };
  },
};
