import { dataFlags, parseFlags } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep approve <event-id>... [--db FILE] [--data DIR]';

/** `sitrep approve`: publish reviewed drafts so briefings include them. Exit 1 if an id is unknown. */
export const command: CliCommand = {
  name: 'approve',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, dataFlags);
    const bad = (e: string) => (io.stderr(`sitrep approve: ${e}\nUsage: ${USAGE}\n`), EXIT.usage);
    if (!flags.ok) return bad(flags.error);
    const ids = flags.value.positionals;
    if (ids.length === 0) return bad('give the id of at least one draft (see `sitrep drafts`)');
    const rt = await createRuntime(io, { data: flags.value.values.data, db: flags.value.values.db, story: flags.value.values.story, skipSync: true });
    if (!rt.ok) return rt.code;
    try {
      let unknown = 0;
      for (const id of ids) {
        if (await rt.runtime.store.setEventStatus(id, 'published')) io.stdout(`published ${id}\n`);
        else {
          unknown++;
          io.stderr(`sitrep approve: no event "${id}" (see \`sitrep drafts\`)\n`);
        }
      }
      return unknown > 0 ? EXIT.failure : EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};
