import { decideDraft } from '../../review/actions.js';
import { cliActor } from '../actor.js';
import { dataFlags, parseFlags } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep approve <event-id>... [--by NAME] [--db FILE] [--data DIR]';

/**
 * `sitrep approve`: publish reviewed drafts (or revive rejected events) so briefings include them. Audited like a
 * chat approval, and a draft's review message is updated in place. Exit 1 if an id is unknown.
 */
export const command: CliCommand = {
  name: 'approve',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, { ...dataFlags, by: { type: 'string' } });
    const bad = (e: string) => (io.stderr(`sitrep approve: ${e}\nUsage: ${USAGE}\n`), EXIT.usage);
    if (!flags.ok) return bad(flags.error);
    const ids = flags.value.positionals;
    if (ids.length === 0) return bad('give the id of at least one draft (see `sitrep drafts`)');
    const rt = await createRuntime(io, { data: flags.value.values.data, db: flags.value.values.db, story: flags.value.values.story, skipSync: true });
    if (!rt.ok) return rt.code;
    const { store, stories } = rt.runtime;
    const actor = cliActor(io, flags.value.values.by);
    try {
      let unknown = 0;
      for (const id of ids) {
        const res = await decideDraft({ store, stories, now: io.now }, id, 'approve', actor, ['draft', 'archived']);
        if (res.ok) io.stdout(`published ${id}\n`);
        else if (res.code === 'ALREADY_DECIDED' && (await store.getEvent(id))?.status !== 'archived') io.stdout(`published ${id} (already: ${res.message})\n`);
        else {
          unknown++;
          io.stderr(`sitrep approve: ${res.code === 'NOT_FOUND' ? `no event "${id}" (see \`sitrep drafts\`)` : `${id}: ${res.message}`}\n`);
        }
      }
      return unknown > 0 ? EXIT.failure : EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};
