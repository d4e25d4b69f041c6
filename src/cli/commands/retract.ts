import { factId } from '../../records/schema.js';
import { afterChange } from '../../review/actions.js';
import { Retractions } from '../../review/retractions.js';
import { cliActor } from '../actor.js';
import { dataFlags, parseFlags } from '../args.js';
import { createRuntime } from '../runtime.js';
import { EXIT, type CliCommand } from '../types.js';

const USAGE = 'sitrep retract <event-id>[#<fact-id>] --reason TEXT [--by NAME] [--db FILE] [--data DIR]';

function clip(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/**
 * `sitrep retract`: withdraw one fact (`event#f2`) or a whole event. It never appears in a briefing again (whatever
 * later imports or merges write), and every briefing of the last 7 days that showed it is corrected in place with a
 * "Corrected" line giving the reason. The record itself is kept as it was; the audit log has who, when and why.
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
    if (extra !== undefined) return bad(`one event or fact at a time (unexpected "${clip(extra, 40)}")`);
    const reason = flags.value.values.reason?.trim() ?? '';
    if (reason === '') return bad('--reason is required: say why (it is shown in the correction)');
    if (reason.length > 200) return bad('--reason is at most 200 characters');
    const [eventId = '', fact] = target.split('#', 2);

    const rt = await createRuntime(io, { data: flags.value.values.data, db: flags.value.values.db, story: flags.value.values.story });
    if (!rt.ok) return rt.code;
    const { store, stories } = rt.runtime;
    try {
      const record = await store.getEvent(eventId);
      if (!record) {
        io.stderr(`sitrep retract: no event "${clip(eventId, 60)}"\n`);
        return EXIT.failure;
      }
      const ids = record.facts.map((f, i) => factId(f, i));
      const index = fact === undefined ? -1 : ids.indexOf(fact);
      if (fact !== undefined && index < 0) {
        io.stderr(`sitrep retract: event "${eventId}" has no fact "${clip(fact, 40)}" (facts: ${ids.join(', ')})\n`);
        return EXIT.failure;
      }
      const before = new Retractions(await store.listRetractions(record.story));
      const already = fact === undefined ? before.eventRetracted(eventId) : before.retractedFacts(record).has(fact);
      if (already) {
        io.stdout(`${target} is already retracted.\n`);
        return EXIT.ok;
      }
      const actor = cliActor(io, flags.value.values.by);
      const now = io.now();
      const factText = index >= 0 ? record.facts[index]?.text : undefined;
      await store.addRetraction({
        story: record.story,
        eventId,
        ...(fact !== undefined ? { factId: fact } : {}),
        ...(factText !== undefined ? { factText } : {}),
        reason,
        actor: actor.id,
        at: now.toISOString(),
      });
      const after = new Retractions(await store.listRetractions(record.story));
      const text = factText !== undefined ? `retracted “${clip(factText)}” (${reason})` : `withdrawn: “${clip(record.title)}” (${reason})`;
      const changeId = await store.appendAudit({
        at: now.toISOString(),
        actor: actor.id,
        ...(actor.name ? { actorName: actor.name } : {}),
        action: 'retract',
        eventId,
        story: record.story,
        detail: `${fact !== undefined ? `fact ${fact}` : 'the whole event'}: ${reason}`,
        before: before.apply(record) ?? null,
        after: after.apply(record) ?? null,
      });
      const { corrections } = await afterChange({ store, stories, now: () => now }, { before: record, after: record, changeId, text, retractionsBefore: before });
      io.stdout(
        `retracted ${target}: it will not appear in briefings again; ${corrections} posted briefing${corrections === 1 ? '' : 's'} of the last 7 days will be corrected` +
          `${corrections > 0 ? ' (the running bot edits them within seconds, or run `sitrep deliver`)' : ''}.\n`,
      );
      return EXIT.ok;
    } finally {
      await rt.runtime.close();
    }
  },
};
