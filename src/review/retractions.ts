import { factId, type EventRecord } from '../records/schema.js';
import type { Retraction, StoredSignal } from '../store/store.js';

const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The retractions of a story, applied wherever records are read for readers (briefings, follow alerts, corrections).
 * A fact retraction matches the fact's text in its event (ids of file records shift when a file is edited; the words
 * do not), so a re-import or a merge can never bring a retracted fact back. Records themselves are never rewritten.
 */
export class Retractions {
  private readonly byEvent = new Map<string, { whole: boolean; texts: Set<string>; ids: Set<string> }>();

  constructor(list: readonly Retraction[]) {
    for (const r of list) {
      let e = this.byEvent.get(r.eventId);
      if (!e) {
        e = { whole: false, texts: new Set(), ids: new Set() };
        this.byEvent.set(r.eventId, e);
      }
      if (r.factId === undefined) e.whole = true;
      else if (r.factText !== undefined) e.texts.add(norm(r.factText));
      else e.ids.add(r.factId);
    }
  }

  get isEmpty(): boolean {
    return this.byEvent.size === 0;
  }

  /** True when the whole event is retracted. */
  eventRetracted(eventId: string): boolean {
    return this.byEvent.get(eventId)?.whole === true;
  }

  /** Ids of the record's facts that are retracted. */
  retractedFacts(record: EventRecord): Set<string> {
    const e = this.byEvent.get(record.id);
    const out = new Set<string>();
    if (!e) return out;
    record.facts.forEach((f, i) => {
      const id = factId(f, i);
      if (e.whole || e.ids.has(id) || e.texts.has(norm(f.text))) out.add(id);
    });
    return out;
  }

  /**
   * The record as readers see it: retracted facts and the signals resting on them removed (remaining facts keep their
   * ids explicitly, so `f2` stays `f2`). Undefined when the event, or every fact of it, is retracted.
   */
  apply(record: EventRecord): EventRecord | undefined {
    const e = this.byEvent.get(record.id);
    if (!e) return record;
    if (e.whole) return undefined;
    const gone = this.retractedFacts(record);
    if (gone.size === 0) return record;
    const facts = record.facts.map((f, i) => ({ ...f, id: factId(f, i) })).filter((f) => !gone.has(f.id));
    if (facts.length === 0) return undefined;
    const out: EventRecord = { ...record, facts };
    if (record.signals) out.signals = record.signals.filter((s) => s.fact === undefined || !gone.has(s.fact));
    return out;
  }

  /** Whether a stored signal survives (its event and its evidence fact are not retracted). */
  keepsSignal(signal: Pick<StoredSignal, 'eventId' | 'fact'>, record: EventRecord | undefined): boolean {
    const e = this.byEvent.get(signal.eventId);
    if (!e) return true;
    if (e.whole) return false;
    if (signal.fact === undefined) return true;
    if (e.ids.has(signal.fact)) return false;
    const fact = record?.facts.find((f, i) => factId(f, i) === signal.fact);
    return fact === undefined || !e.texts.has(norm(fact.text));
  }
}
