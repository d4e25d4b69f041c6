import { retract } from '../../review/retract.js';
import { cliActor } from '../actor.js';
import { dataFlags, parseFlags } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep retract <event-id>[#<fact-id>] --reason TEXT [--by NAME] [--db FILE] [--data DIR]';

/**
 * `sitrep retract`: withdraw one fact (`event#f2`) or a whole event. It never appears in a briefing again, and every
 * briefing of the last 7 days that showed it is corrected in place with a "Corrected" line giving the reason.
 */
export const command: CliCommand = {
  name: 'retract',
  usage: USAGE,
  async run(argv, io) {
    const flags = parseFlags(argv, { ...dataFlags, reason: { type: 'string' }, by: { type: 'string' } });
    const bad = (e: string) => (io.stderr(`sitrep retract: ${e}\nUsage: ${USAGE}\n`), EXIT.usage);
    if (!flags.ok) return bad(flags.error);
    const [target, extra] = flags.value.positionals;
    if (target === undefined) return bad('give the event id, or event-id#fact-id for one fact');
    if (extra !== undefined) return bad(`one event or fact at a time (unexpected "${extra.slice(0, 40)}")`);
    const reason = flags.value.values.reason?.replace(/\s+/g, ' ').trim() ?? '';
    if (reason === '') return bad('--reason is required: say why (it is shown in the correction)');
    if (reason.length > 200) return bad('--reason is at most 200 characters');
    const [eventId = '', fact] = target.split('#', 2);

    const rt = await createRuntime(io, { data: flags.value.values.data, db: flags.value.values.db, story: flags.value.values.story });
    if (!rt.ok) return rt.code;
    const { store, stories } = rt.runtime;
    try {
      const res = await retract({ store, stories, now: io.now }, { eventId, ...(fact !== undefined ? { factId: fact } : {}), reason, actor: cliActor(io, flags.value.values.by) });
      if (!res.ok) {
        io.stderr(`sitrep retract: ${res.message}\n`);
        return EXIT.failure;
      }
      if (res.already) {
        io.stdout(`${target} is already retracted.\n`);
        return EXIT.ok;
      }
      const n = res.corrections;
      io.stdout(
        `retracted ${target}: it will not appear in briefings again; ${n} posted briefing${n === 1 ? '' : 's'} of the last 7 days will be corrected` +
          `${n > 0 ? ' (the running bot edits them within seconds, or run `sitrep deliver`)' : ''}.\n`,
      );
      return EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};
