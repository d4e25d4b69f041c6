import type { FullBriefing, FullEvent, QuestionHistory } from '../briefing/full.js';
import type { BriefingSource } from '../briefing/types.js';
import type { QuestionStatus } from '../records/schema.js';
import { missingSpeaker, withSpeaker } from '../render/attribution.js';
import { formatDay, formatMoment, STATUS_LABEL } from '../render/dates.js';
import { escapeHtml, idOf, safeHref } from './escape.js';
import { PAGE_CSS, pageCsp } from './style.js';
import { chronological, evidenceId, formatWhen, legendSwatch, renderTimeline, SHAPES, STATUSES, timelineSummary } from './timeline-svg.js';
import { summaryLine } from '../render/question-line.js';

export interface PageOptions {
  /** The signed link to this page's JSON, when the page is served (not for `sitrep brief --format html`). */
  jsonHref?: string;
}

const e = escapeHtml;

/**
 * The full briefing as one self-contained HTML document: semantic sections (header, nav, main, footer; headings
 * h1 to h4), every development under its day and event with its outlets linked, each question with its status,
 * timeline chart, numbered evidence and unknowns, then what to watch and the sources. No script; the only style is
 * the hashed stylesheet; every piece of record text is escaped and every link is http(s). Same input, same bytes.
 */
export function renderPage(full: FullBriefing, opts: PageOptions = {}): string {
  const title = `${full.story.title} — full briefing, ${formatDay(full.window.from)} to ${formatDay(full.generatedAt)}`;
  const sections = [
    { id: 'developments', label: 'What happened' },
    { id: 'questions', label: 'Open questions' },
    ...(full.watch.length > 0 ? [{ id: 'watch', label: 'What to watch' }] : []),
    { id: 'sources', label: 'Sources' },
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${pageCsp(false)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${e(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to the briefing</a>',
    '<header>',
    '<p class="kicker">sitrep · full briefing</p>',
    `<h1>${e(full.story.title)}</h1>`,
    `<p class="meta">As of <time datetime="${e(full.generatedAt)}">${e(formatMoment(full.generatedAt))}</time> · developments since <time datetime="${e(full.window.from)}">${e(formatMoment(full.window.from))}</time></p>`,
    full.stats.developments > 0 ? `<p class="lede">${e(full.headline)}</p>` : '',
    `<nav aria-label="Sections"><ul>${sections.map((s) => `<li><a href="#${s.id}">${s.label}</a></li>`).join('')}</ul></nav>`,
    '</header>',
    '<main id="main">',
    developmentsSection(full),
    questionsSection(full),
    watchSection(full),
    sourcesSection(full.sources),
    '</main>',
    '<footer>',
    `<p>Every line on this page is a fact, signal or title from an event record, with the outlet that reported it. Made by sitrep at ${e(formatMoment(full.generatedAt))}; times are UTC.${opts.jsonHref !== undefined ? ` The same data as <a href="${e(opts.jsonHref)}">JSON</a>.` : ''}</p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function developmentsSection(full: FullBriefing): string {
  const out = ['<section aria-labelledby="developments">', '<h2 id="developments">What happened</h2>'];
  const since = formatMoment(full.window.from);
  if (full.stats.developments === 0) out.push(`<p class="notice">No new developments since ${e(since)}.</p>`);
  else if (full.window.fallback) out.push(`<p class="notice">Nothing new since ${e(since)}; these are the latest developments.</p>`);
  if (full.stats.truncated) out.push(`<p class="notice">This window holds more events than one page shows: the newest ${full.stats.events} are listed. Narrow the window to see earlier ones.</p>`);
  for (const day of full.days) {
    out.push(`<h3 id="${idOf('day', day.date)}"><time datetime="${day.date}">${e(formatDay(day.date))}</time></h3>`);
    out.push(`<ul class="events">${day.events.map(eventItem).join('')}</ul>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function eventItem(ev: FullEvent): string {
  const when = /^\d{4}-\d{2}-\d{2}$/.test(ev.occurredAt) ? 'During the day' : (formatMoment(ev.occurredAt).split(', ')[1] ?? formatMoment(ev.occurredAt));
  const outlets = ev.sourceCount === 1 ? '1 source' : `${ev.sourceCount} independent sources`;
  const facts = ev.developments.map((d) => {
    const who = missingSpeaker(d.text, d.speaker);
    const cited = d.sources.length > 0 ? ` <span class="src">(${d.sources.map((s) => sourceLink(s.name, s.url)).join(', ')})</span>` : '';
    return `<li>${e(d.text)}${who ? ` — ${e(who)}` : ''}${cited}</li>`;
  });
  const headingId = idOf('ev', ev.id);
  return [
    `<li><article aria-labelledby="${headingId}">`,
    `<h4 id="${headingId}">${e(ev.title)}</h4>`,
    `<p class="meta"><time datetime="${e(ev.occurredAt)}">${e(when)}</time> · ${outlets}</p>`,
    facts.length > 0 ? `<ul class="facts">${facts.join('')}</ul>` : '',
    '</article></li>',
  ].join('');
}

function sourceLink(name: string, url: string | undefined): string {
  const href = safeHref(url);
  return href !== undefined ? `<a href="${href}" rel="noreferrer noopener">${e(name)}</a>` : e(name);
}

function shapeIcon(status: QuestionStatus): string {
  return `<svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true"><path class="mk mk-${status}" d="${SHAPES[status]}"/></svg>`;
}

function badge(status: QuestionStatus): string {
  return `<span class="badge b-${status}">${shapeIcon(status)}${STATUS_LABEL[status]}</span>`;
}

function questionsSection(full: FullBriefing): string {
  const legend = [
    ...STATUSES.map((s) => `<li>${legendSwatch(s)}${STATUS_LABEL[s]}</li>`),
    `<li>${legendSwatch('none')}No signal yet</li>`,
    `<li>${legendSwatch('window')}This briefing's window</li>`,
  ];
  return [
    '<section aria-labelledby="questions">',
    '<h2 id="questions">Open questions</h2>',
    `<p class="meta">Each chart runs from <time datetime="${e(full.timeline.from)}">${e(formatDay(full.timeline.from))}</time> to <time datetime="${e(full.timeline.to)}">${e(formatDay(full.timeline.to))}</time>: a band per status (the newest signal decides), a mark per piece of evidence. Hover or focus a mark for its line; each is numbered in the list under its chart.</p>`,
    `<ul class="legend" aria-label="Chart legend">${legend.join('')}</ul>`,
    ...full.questions.map((q) => questionArticle(q, full)),
    '</section>',
  ].join('\n');
}

function questionArticle(q: QuestionHistory, full: FullBriefing): string {
  const base = idOf('q', q.id);
  const captionId = `${base}-cap`;
  const since = q.lastChangedAt !== null ? ` since <time datetime="${e(q.lastChangedAt)}">${e(formatDay(q.lastChangedAt))}</time>` : ' (no signal recorded yet)';
  const was = q.changedInWindow && q.previousStatus !== undefined && q.previousStatus !== q.status ? ` <span>changed in this window (was ${STATUS_LABEL[q.previousStatus]})</span>` : '';
  const evidence = chronological(q).map(
    (ev, i) =>
      `<li id="${evidenceId(q.id, i + 1)}"><time datetime="${e(ev.at)}">${e(formatWhen(ev.at))}</time> ${badge(ev.status)} ${e(ev.text)} <span class="src">(${sourceLink(ev.source, ev.url)})</span></li>`,
  );
  const out = [
    `<article class="q" id="${base}" aria-labelledby="${base}-h">`,
    `<h3 id="${base}-h">${e(q.label)}</h3>`,
    `<p class="question">${e(q.question)}</p>`,
    `<p class="status">${badge(q.status)}<span>${since}</span>${was}</p>`,
    `<p>${e(summaryLine(q))}</p>`,
    `<figure>${renderTimeline(q, full.timeline, full.window, captionId)}<figcaption id="${captionId}">${e(timelineSummary(q, full.timeline))}</figcaption></figure>`,
  ];
  if (evidence.length > 0) {
    out.push(`<h4 id="${base}-ev">Evidence, oldest first</h4>`);
    if (q.evidenceTotal > q.evidence.length)
      out.push(`<p class="notice">The newest pieces of evidence and the one behind each change of status: ${q.evidence.length} of ${q.evidenceTotal.toLocaleString('en-US')}.</p>`);
    out.push(`<ol class="evidence" aria-labelledby="${base}-ev">${evidence.join('')}</ol>`);
  }
  if (q.unknowns && q.unknowns.length > 0) out.push(`<h4 id="${base}-unk">Still unknown</h4>`, `<ul class="unknowns" aria-labelledby="${base}-unk">${q.unknowns.map((u) => `<li>${e(u)}</li>`).join('')}</ul>`);
  out.push('</article>');
  return out.join('\n');
}

function watchSection(full: FullBriefing): string {
  if (full.watch.length === 0) return '';
  const items = full.watch.map((w) => {
    const due = w.due !== undefined ? ` <span class="src">(due <time datetime="${e(w.due)}">${e(formatDay(w.due))}</time>)</span>` : '';
    const src = w.source !== undefined ? ` <span class="src">— ${e(w.source)}</span>` : '';
    return `<li>${e(withSpeaker(w.text, w.speaker))}${due}${src}</li>`;
  });
  return ['<section aria-labelledby="watch">', '<h2 id="watch">What to watch</h2>', `<ul>${items.join('')}</ul>`, '</section>'].join('\n');
}

function sourcesSection(sources: readonly BriefingSource[]): string {
  const items = sources.map((s) => {
    const published = s.publishedAt !== undefined ? ` <span class="src">published <time datetime="${e(s.publishedAt)}">${e(formatDay(s.publishedAt))}</time></span>` : '';
    return `<li>${sourceLink(s.name, s.url)}${published}</li>`;
  });
  return [
    '<section aria-labelledby="sources">',
    '<h2 id="sources">Sources</h2>',
    items.length > 0 ? `<ul>${items.join('')}</ul>` : '<p class="notice">No sources in this window.</p>',
    '</section>',
  ].join('\n');
}
