/**
 * An article's text as ingestion reads it: the page's lines classified (boilerplate.ts), chrome dropped, and the
 * rest joined one paragraph per line, with where each kept line sits so that facts are taken only from the body.
 */
import { withoutEndMark } from '../text/end-mark.js';
import { classifyLines, type ClassifyOptions, type LineKind, type PageBlock } from './boilerplate.js';
import { isDateStamp, METADATA_PREFIX } from './chrome-phrases.js';

/** A kept line's place in the cleaned text. */
export interface LineSpan {
  start: number;
  end: number;
  kind: Exclude<LineKind, 'chrome'>;
  terminated: boolean;
}

export interface ArticleText {
  /** The kept lines (headline, headings, body), one per line. Fact offsets point into this. */
  text: string;
  /** The page's own headline line, when it has one. */
  headline?: string;
  spans: LineSpan[];
  /** Dates a crawler's metadata prefix stated ("date 2025-05-19"). */
  statedDates: string[];
  /** The chrome lines (with reasons), in page order: dates and bylines are read from them. */
  dropped: Array<{ text: string; reason: string }>;
  /** Every line with its kind (kept or not), in page order. */
  all: Array<{ text: string; kind: LineKind }>;
}

/** A list item's mark opening a line ("• the delegation is satisfied …;", "- …"): no wrapped line of prose. */
const LIST_MARK = /^\s*[•·▪■►▶◆●○◦‣⁃∙*—–-]/u;
/**
 * A list item opening a line of wrapped text: a bullet, or a dash before a capital, a digit or a quotation ("-   The
 * United States and Ukraine …"). A dash before a lower-case word goes on a sentence wrapped onto the line ("— a demand
 * Kyiv has rejected").
 */
const LIST_ITEM_START = /^\s*(?:[•·▪■►▶◆●○◦‣⁃∙*]\s|[—–-]\s+[\p{Lu}\d"“‘'])/u;

/** An HTML tag among text (the names a copy of a page keeps; "<300 km>" or "a <b> c" in prose is no tag). */
const HTML_TAG_SOURCE = String.raw`<\/?(span|font|b|i|em|strong|u|s|small|big|sup|sub|mark|a|abbr|cite|q|del|ins|time|br|hr|p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|article|header|footer|aside|nav|img)(?:\s[^<>\n]{0,400})?\/?>`;
const HTML_TAG_TEST = new RegExp(HTML_TAG_SOURCE, 'i');
const HTML_TAG = new RegExp(HTML_TAG_SOURCE, 'gi');
const INLINE_TAGS: ReadonlySet<string> = new Set(['span', 'font', 'b', 'i', 'em', 'strong', 'u', 's', 'small', 'big', 'sup', 'sub', 'mark', 'a', 'abbr', 'cite', 'q', 'del', 'ins', 'time']);

/** A word of two letters that opens sentences: "… he added.On being asked …" (not "Caliber.Az"). */
const SHORT_OPENER = '(?:On|In|At|As|If|It|He|We|By|No|So|An|To|My|Up)';
/** Two sentences glued at a stop: a lower-case word's stop, then a capitalised word or a short opener. */
const GLUED_STOP_TEST = new RegExp(String.raw`\p{Ll}{2}[.!?]["”’]?(?:\p{Lu}\p{Ll}{2}|${SHORT_OPENER}\s+\p{Ll})`, 'u');
/** The same, the stop captured and what follows it on the line looked ahead at. */
const GLUED_STOP = new RegExp(String.raw`(\p{Ll}{2}[.!?]["”’]?)(?=((?:\p{Lu}\p{Ll}{2,}|${SHORT_OPENER}(?=\s+\p{Ll}))[^\n]*))`, 'gu');

/** A line's last word that leaves its phrase open: an article, a preposition, a conjunction or a possessive. */
const MID_PHRASE_END = /\s(?:a|an|the|of|to|in|on|at|by|for|with|from|and|or|that|than|into|about|its|their|his|her|our)$/i;

/**
 * A sentence broken across two lines where a page or a copy wrapped it ("… the issue of territory remained" /
 * "fundamental to Russia when it came to …"): a long line that ends on a word or a comma, and a next line that goes on
 * in lower case (after the closing quotation mark of a quotation the break cut), are one line. A headline, a label or
 * a list item does not go on in lower case.
 */
function joinBrokenLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    const goesOn = /^(["”’]?)\s*\p{Ll}\p{L}*\s+\p{L}+\s+\p{L}/u.exec(line);
    // (Or a quotation closed with a dash as Russian copy writes it, its speaker on the next line: "… will not happen
    // again,”-" / "said the Ukrainian leader, …".)
    // (A blank line may stand between them.)
    let q = out.length - 1;
    while (q > 0 && out[q]?.trim() === '') q--;
    const quoted = out[q];
    const dashQuote = quoted !== undefined && goesOn !== null && goesOn[1] === '' && /["”»][,.]?\s*[-–—]$/.test(quoted) && /^\s*(?:said|says|stated|added|wrote|noted|told|stressed|declared)\b/.test(line);
    if (dashQuote) {
      out.length = q;
      out.push(`${quoted} ${line.trimStart()}`);
    }
    else if (last !== undefined && goesOn && /[\p{L},]$/u.test(last) && (goesOn[1] === '' || last.endsWith(',')) && last.split(/\s+/).length >= 8 && !LIST_MARK.test(last))
      // A quotation closed on the next line ("… of the Ukraine conflict," / "\" but declined to …") closes where it broke.
      out[out.length - 1] = goesOn[1] === '' ? `${last} ${line}` : `${last}${line.trimStart()}`;
    // A paragraph's first words broken off onto a line of their own, as some copies of wire stories print them
    // ("Ukrainian" / "forces rammed through the Russian border …", "Putin," / "in his most detailed public remarks …"):
    // the next line goes on in lower case, and at length.
    else if (last !== undefined && /^\s*\p{Ll}/u.test(line) && /^\s*["“]?\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,2},?$/u.test(last) && !/^\s*\p{Lu}{2,}\b/u.test(last) && line.trim().split(/\s+/).length >= 8)
      out[out.length - 1] = `${last} ${line.trimStart()}`;
    // A line that stops on an article, a preposition or a conjunction stops mid-phrase, whatever case the next line
    // opens in, when that line ends the sentence: "… the Ukrainian president said in a statement on" / "X.". (Not a
    // prompt that ends on a particle over a headline: "… to be automatically logged in" / "Kyiv and Moscow are …".)
    else if (last !== undefined && MID_PHRASE_END.test(last) && /^\s*["“‘]?[\p{L}\p{N}]/u.test(line) && /[.!?;]["”’)]?\s*$/.test(line) && last.split(/\s+/).length >= 6 && !LIST_MARK.test(last))
      out[out.length - 1] = `${last} ${line.trimStart()}`;
    else out.push(line);
  }
  return out;
}

/**
 * Hard-wrapped text (most lines of 40 to 100 characters, paragraphs set off by blank lines, as in e-mail and some
 * saved pages): each run of lines between blank lines is one paragraph.
 */
function unwrap(lines: string[]): string[] {
  const filled = lines.filter((l) => l.trim() !== '');
  // Paragraphs set off by blank lines: a blank line between two filled ones (a final newline is no paragraph break).
  const first = lines.findIndex((l) => l.trim() !== '');
  const last = lines.findLastIndex((l) => l.trim() !== '');
  if (filled.length === last - first + 1) return unwrapUnbroken(lines);
  if (filled.length < 6) return lines;
  // A list item ("• the delegation is satisfied …;") or a line introducing one is not a wrapped line.
  // A line that fills the width and ends no sentence.
  const fills = (l: string) => l.length >= 40 && l.length <= 100 && !/[.!?;:]["”’)]?$/.test(l.trim());
  const wraps = (l: string) => fills(l) && !LIST_MARK.test(l);
  // So does a list item that goes on, indented, on the next line (pandoc's "-   “It was agreed … is" / "    through a
  // full peace deal …"): a wrapped item, not a line of its own.
  let wrapped = 0;
  lines.forEach((l, i) => {
    if (wraps(l) || (LIST_ITEM_START.test(l) && fills(l) && /^[ \t]{2,}[^\s•·▪■►▶◆●○◦‣⁃∙*—–-]/u.test(lines[i + 1] ?? ''))) wrapped++;
  });
  if (wrapped < filled.length * 0.5 && !wrappedInside(lines, wraps)) return lines;
  const out: string[] = [];
  let run: string[] = [];
  for (const l of lines) {
    if (l.trim() === '') {
      if (run.length > 0) out.push(run.join(' '), '');
      run = [];
    } else if (LIST_ITEM_START.test(l) && run.length > 0) {
      // A list's items follow one another without a blank line: each is a paragraph of its own.
      out.push(run.join(' '));
      run = [l.trim()];
    } else if (isDateStamp(l.trim().replace(/^\[(.*)\]$/, '$1'))) {
      // A date on a line of its own ("[March 14, 2025]" between a wrapped headline and the lead) is no wrapped text:
      // it ends the paragraph above and stands alone.
      if (run.length > 0) out.push(run.join(' '));
      out.push(l.trim());
      run = [];
    } else run.push(l.trim());
  }
  if (run.length > 0) out.push(run.join(' '));
  return out;
}

/**
 * Wrapped paragraphs among lists and short lines (a government page converted to text: "-   The United States and
 * Ukraine agreed to …" over two lines): the lines that go on in the next line of their paragraph are the measure, not
 * every line, and most of them fill the width without ending a sentence.
 */
function wrappedInside(lines: readonly string[], wraps: (l: string) => boolean): boolean {
  const inner: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (l.trim() !== '' && next.trim() !== '' && !LIST_ITEM_START.test(next)) inner.push(l);
  }
  if (inner.length < 6) return false;
  const long = lines.filter((l) => l.trim().length > 110).length;
  return long <= inner.length * 0.1 && inner.filter(wraps).length >= inner.length * 0.6;
}

/**
 * Hard-wrapped text with no blank line anywhere (a copy that kept a page's or a mail's line breaks and lost its
 * paragraph breaks): when most lines fill a fixed width (up to a tenth of them longer) and stop short of a sentence's
 * end, a full line that does not end a sentence goes on in the next one. A short line ends its paragraph: a heading, a
 * paragraph's last line.
 */
function unwrapUnbroken(lines: string[]): string[] {
  const trimmed = lines.map((l) => l.trim());
  const filled = trimmed.filter((l) => l !== '');
  if (filled.length < 8) return lines;
  const lengths = filled.map((l) => l.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  if (width < 35 || width > 100) return lines;
  const full = (l: string) => l.length >= 0.6 * width && l.length <= width + 10;
  const open = (l: string) => !/[.!?:;]["”’)\]]?$/.test(l);
  if (filled.filter((l) => full(l) && open(l)).length < filled.length * 0.4) return lines;
  // Each paragraph as its lines, joined once at the end (joining as it grows would copy a long one over and over).
  const paragraphs: string[][] = [];
  let tail: string | undefined;
  for (const l of trimmed) {
    const current = paragraphs[paragraphs.length - 1];
    if (current !== undefined && tail !== undefined && l !== '' && full(tail) && open(tail) && !LIST_MARK.test(l)) current.push(l);
    else paragraphs.push([l]);
    tail = l;
  }
  return paragraphs.map((p) => p.join(' '));
}

/** A markdown link alone on its line: `[the proposal requires](https://…)`. */
const LINK_LINE = /^[ \t]*\[[^\]\n]{1,300}\]\([^()\s]+\)[ \t]*$/;
/** A line that stops inside its sentence: on a comma, or on a word that cannot end one ("as", "the", "that"). */
const STOPS_MID_SENTENCE = /(?:,|\b(?:as|the|a|an|that|to|of|by|in|on|at|for|with|and|or|but|from|his|her|its|their))[ \t]*$/;
/** … or may: on a word in lower case ("The president reportedly"). */
const openEnded = (line: string) => STOPS_MID_SENTENCE.test(line) || /\p{Ll}\*?[ \t]*$/u.test(line);

/**
 * Links a converter put on lines of their own inside a sentence, one or several with blank lines between ("News of the
 * plan broke on Thursday evening, as" / "[Axios](…)" / "" / "[reported](…)" / "that U.S. and Russian negotiators …";
 * "Among other things," / "[the proposal requires](…)" / "Ukraine to give up …"): the sentence is one line again. The
 * line after joins when it goes on in lower case or punctuation, or starts a word after a line that stopped on a comma
 * or a word no sentence ends on; after a heading ("Related coverage") a link is a list's item and stays.
 */
function joinLinkLines(text: string): string {
  const lines = text.split('\n');
  if (!lines.some((l) => LINK_LINE.test(l))) return text;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const prev = out.length > 0 ? (out[out.length - 1] as string) : '';
    if (!LINK_LINE.test(lines[i] as string) || !/\S/.test(prev) || !openEnded(prev)) {
      out.push(lines[i] as string);
      continue;
    }
    // The run of links (blank lines between them) and the line after it.
    const links: string[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j] as string;
      if (LINK_LINE.test(l)) links.push(l.trim());
      else if (/\S/.test(l)) break;
    }
    const next = lines[j];
    const goesOn = next !== undefined && (/^[ \t]*(?:[,.;:!?)’”]|\p{Ll})/u.test(next) || (STOPS_MID_SENTENCE.test(prev) && /^[ \t]*\p{Lu}/u.test(next)));
    if (!goesOn) {
      out.push(lines[i] as string);
      continue;
    }
    const rest = next.trimStart();
    out[out.length - 1] = `${prev.trimEnd()} ${links.join(' ')}${/^[,.;:!?)’”]/.test(rest) ? '' : ' '}${rest}`;
    i = j;
  }
  return out.join('\n');
}

/** Plain text as blocks: one per line (or per paragraph of hard-wrapped text), whitespace normalised. */
export function textBlocks(raw: string): PageBlock[] {
  let text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    // The modifier letter apostrophe Ukrainian sites print ("Chinaʼs", "Zelenskyʼs") is the apostrophe.
    .replace(/\u02BC/g, '’');
  if (text.includes('Γ') || text.includes('â')) text = text.replace(MOJIBAKE, (m) => MOJIBAKE_FIX[m] ?? m);
  // Low-high quotation marks („…“, Bulgarian and German style) as the English pair, so a quotation is seen to close.
  if (text.includes('„')) text = text.replace(/„([^„“”\n]{1,600})[“”]/g, '“$1”');
  // A curly opening mark closed by a straight one ("“The idea itself is correct," Putin told …"): the pair.
  // (Across a hard-wrapped line, not across a paragraph.)
  if (text.includes('“')) text = text.replace(/“((?:(?!\n[ \t]*\n)[^“”"]){1,600})"/g, '“$1”');
  // An opening mark used to close too ("“We expect … the war“, he wrote"): the second one closes.
  text = text.replace(/“([^“”\n]{1,600})“(?=[,.;:!?]|\s+\p{Ll})/gu, '“$1”');
  // A video transcript's caption times glued to their lines ("00:42We, General Kellogg, …"): not text.
  if (/^\d{1,2}:\d{2}\p{L}/mu.test(text)) text = text.replace(/^(\d{1,2}:){1,2}\d{2}(?=\p{L})/gmu, '');
  // A footnote's number glued after a sentence's stop ("… a 30-day ceasefire.1 This decision …"), and a year glued
  // to the next sentence ("Tuesday, December 16, 2025The U.S. is offering …"): marks of the copy, not text.
  if (/\p{Ll}[.!?]["”’]?\d/u.test(text)) text = text.replace(/(\p{Ll}{2}[.!?]["”’]?)\d{1,2}(?=[ \t]|$)/gmu, '$1');
  // A reference in brackets after the stop, as think tanks and wikis print their sources ("… during the meeting.[3]
  // Kremlin officials …"): the stop ends the sentence, and the paragraph.
  if (text.includes('[')) text = text.replace(/(\p{Ll}{2}[.!?]["”’]?)(?:\[\d{1,3}\])+(?=[ \t]|$)/gmu, '$1');
  if (/\b(?:19|20)\d{2}\p{Lu}\p{Ll}/u.test(text)) text = text.replace(/\b((?:19|20)\d{2})(?=\p{Lu}\p{Ll})/gu, '$1 ');
  // A stop glued to what follows, as pages flattened without their breaks print it: the next sentence ("… he
  // said.However, it gave no details.") after a space; a heading that ends the line ("… had taken place in
  // Moscow.Kremlin sheds some light") on a line of its own, but only after a sentence before it in the line: a line of
  // one sentence is a caption with its credit glued on ("… in Bali via videolink.Credit: Getty Images"), chrome as it
  // is. (Not a site's name: "Caliber.Az".)
  // (A word of two letters that opens sentences opens one too: "… he added.On being asked …"; not "Caliber.Az".)
  if (GLUED_STOP_TEST.test(text))
    text = text.replace(GLUED_STOP, (stop: string, _s: string, rest: string, at: number, all: string) => {
      if (/[.!?]["”’)]*\s*$/.test(rest)) return `${stop} `;
      const line = all.slice(all.lastIndexOf('\n', at) + 1, at);
      return /\p{Ll}[.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(line) && rest.trim().split(/\s+/).length <= 8 ? `${stop}\n` : stop;
    });
  // A headline, its date and the lead flattened onto one line with bars ("Ukraine, Russia Agree on … | 3 March 2022 |
  // The second round of talks …"): three lines.
  if (text.includes(' | ')) text = text.replace(/^([^|\n]{15,200}?) \| (\d{1,2} \p{L}{3,9},? \d{4}|\p{L}{3,9}\.? \d{1,2},? \d{4}) \| (?=\p{Lu})/gmu, '$1\n$2\n');
  // An agency's page title with its section and name run on ("Russia, Ukraine to hold talks on … border - news agency -
  // TASS"): the headline (a caption ends in the agency alone).
  if (AGENCY_AT_LINE_END.test(text)) text = text.replace(AGENCY_TITLE_SUFFIX, '$1');
  // Quotation marks of a mail or a markdown copy at a line's start, two or more ("> > Switzerland, peace summit in
  // Ukraine: …"): the line is what follows them. (One is a site's breadcrumb, "> World", or its box, ">Related articles",
  // which stay as they are.)
  if (/^[ \t]*>[ \t]*>/m.test(text)) text = text.replace(/^[ \t]*>[ \t]*(?:>[ \t]*)+/gm, '');
  // One before a quotation is a quotation set off as such ("> “I know what it’s going to take …”").
  if (/^[ \t]*>[ \t]+["“]/m.test(text)) text = text.replace(/^[ \t]*>[ \t]+(?=["“])/gm, '');
  // A heading glued to the paragraph under it with neither a stop nor a break, as a page flattened to text prints it
  // ("Peace talks drag on with little progress The escalation comes as …"): "The" or "An" with a capital after a
  // lower-case word, inside what would be a sentence, opens a new one. (Not "A": "Plan A", "type A bonds".)
  if (/\p{Ll}{2} (?:The|An) \p{Ll}/u.test(text))
    text = text.replace(/(\p{Ll}{2}) (?=(?:The|An) \p{Ll}{3,})/gu, (m: string, tail: string, at: number, all: string) => {
      const from = Math.max(all.lastIndexOf('\n', at), ...['. ', '! ', '? '].map((stop) => all.lastIndexOf(stop, at)));
      // (In sentence case only: a title-case run is a teaser's or a list's heading run on, chrome as one line.)
      const head = all.slice(from + 1, at).trim().split(/\s+/);
      const capitalised = head.slice(1).filter((w) => /^\p{Lu}/u.test(w)).length;
      return head.length >= 3 && capitalised < (head.length - 1) / 2 ? `${tail}\n` : m;
    });
  // A screen reader's list of other stories, as Al Jazeera's pages print it and their copies keep it, glued on or on
  // lines of its own ("…genuine peace.Recommended Stories list of 3 items … end of listThe impasse …"): the titles
  // between its marks are other stories.
  if (/\blist of \d{1,2} items?/i.test(text)) text = text.replace(/(?:\b(?:Recommended|Related|More|Top|Popular|Latest) (?:Stories|News|Articles|Reads)\s*)?\blist of \d{1,2} items?[\s\S]{0,1500}?end of list/gi, '\n');
  // HTML a markdown copy kept inline (`<span style="color:#E3120B">Europe</span>`, `<br>`): markup, not text. A block's
  // tag breaks the line; an inline one goes.
  if (text.includes('<') && HTML_TAG_TEST.test(text)) text = text.replace(HTML_TAG, (_tag: string, name: string) => (INLINE_TAGS.has(name.toLowerCase()) ? '' : '\n'));
  // Markdown's escapes ("the way \[Russia is\] thinking" as a copy writes "the way [Russia is] thinking"): the
  // character escaped.
  if (text.includes('\\[') || text.includes('\\]')) text = text.replace(/\\([[\]])/g, '$1');
  // Markdown bold from a copy of the page ("**Meetings with America should …**"): emphasis, not text.
  if (text.includes('**')) text = text.replace(/\*\*(?=\S)|(?<=\S)\*\*/g, '');
  // … and its italics ("as *Axios* reported", "told _Time_ magazine"): a title's emphasis, not its words. (Not a list's
  // "* " nor a name_with_underscores.)
  if (text.includes('*') || text.includes('_')) text = text.replace(/(?<![\p{L}\p{N}*_])([*_])(?=[^\s*_])([^*_\n]{1,80}?)(?<=[^\s*_])\1(?![\p{L}\p{N}*_])/gu, '$2');
  // Markdown's links, as a reader service or a clipper saves a page ("[supports Witkoff’s plan](https://…)"): the link's
  // words stay, the address goes (a link with no words, "[](https://…/authors/…)", goes whole). (A picture's line stays
  // as it is: a caption, chrome already, and its address may hold the only date on the page.)
  if (text.includes('](')) {
    text = joinLinkLines(text).replace(MARKDOWN_LINK, '$1');
  }
  // A chat assistant's citations in reference style after a sentence or a clause ("… security guarantees. ([Al
  // Jazeera][2])"): the source's name, no word of the text; and its other reference links' words stay ("[the
  // plan][4]").
  if (text.includes('][')) text = text.replace(REFERENCE_CITATION, '').replace(REFERENCE_LINK, '$1');
  // … and a link a page wrote without its closing bracket ("[the [White House blew past its own deadline of imposing
  // sanctions on Russia(https://www.msnbc.com/…) for …"): on such a line the address glued to a word goes, and the
  // opening brackets left without a partner.
  if (text.includes('(http'))
    text = text.replace(/^.*[\p{L}\p{N}.,'’"”]\(https?:\/\/.*$/gmu, (line: string) =>
      line.replace(/(?<=[\p{L}\p{N}.,'’"”])\(https?:\/\/[^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)/gu, '').replace(/\[(?=\p{L})(?![^\]]*\])/gu, ''),
    );
  // Markdown's heading marks ("# Zelensky says next Russia meeting soon", "## - Drone, missile attacks -"): the line is
  // the heading's words, in an outline's list too ("- # Zelensky says …"). (A hashtag has no space after its mark.)
  if (/^[ \t]*(?:[-*+][ \t]+)?#{1,6}[ \t]+\S/m.test(text)) text = text.replace(/^([ \t]*(?:[-*+][ \t]+)?)#{1,6}[ \t]+(?=\S)/gm, '$1');
  const lines = text.split('\n');
  // Each line through the splitters in turn, in loops: a chain of flatMaps was a third of this function's time.
  const blocks: PageBlock[] = [];
  // (A link whose words a wrapped text broke over two lines is read once the lines are joined again.)
  for (const line of joinBrokenLines(unwrap(lines)).map((l) => (l.includes('](') ? l.replace(MARKDOWN_LINK, '$1') : l)))
    for (const captioned of splitRunOnCaption(withoutEndMark(line)))
      for (const titled of splitInlineTitle(captioned))
        for (const glued of splitGluedWidget(titled)) for (const part of splitTrailingWidget(glued)) blocks.push({ text: part });
  return blocks;
}

/** Citations in markdown's reference style, in brackets, one or more: " ([AP News][3])", " ([Reuters][1]) ([BBC][2])". */
const REFERENCE_CITATION = /[ \t]*\(\[[^\]\n]{1,60}\]\[\d{1,3}\]\)/g;
/** A reference-style link in running text: "[the 28-point plan][4]". */
const REFERENCE_LINK = /\[([^\]\n]{1,300})\]\[\d{1,3}\]/g;

/** A markdown link on one line: its words stay, the address goes ("[supports Witkoff’s plan](https://…)"). */
const MARKDOWN_LINK = /(?<!!)\[([^\]\n]{0,300})\]\((?:https?:\/\/|\/|\.{1,2}\/|#)[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"\n]*")?\)/g;

const AGENCIES = String.raw`(?:TASS|Reuters|AFP|Interfax|Xinhua|Anadolu(?: Agency)?|RIA Novosti|Ukrinform|UNIAN)`;
/** A line that ends in an agency's name after a dash: the cheap test before the one below. */
const AGENCY_AT_LINE_END = new RegExp(String.raw`\s[-–—]\s*${AGENCIES}$`, 'mu');
/** " - <section> - <agency>" after a headline that ends in no stop ("… border - news agency - TASS"). */
const AGENCY_TITLE_SUFFIX = new RegExp(String.raw`^([^
]{20,200}?[^.!?
\s])\s[-–—]\s[^-–—
]{2,40}\s[-–—]\s*${AGENCIES}$`, 'gmu');

/**
 * Typographic punctuation whose UTF-8 bytes a saved page read as code page 437 or Windows-1252 ("EuropeΓÇÖs",
 * "Europeâ€™s"): put back. Only these sequences, which no English text contains; a general re-decoding of every
 * page would risk real accented letters.
 */
const MOJIBAKE_FIX: Record<string, string> = {
  'ΓÇÖ': '’', 'ΓÇÿ': '‘', 'ΓÇ£': '“', 'ΓÇ¥': '”', 'ΓÇô': '–', 'ΓÇö': '—', 'ΓÇª': '…',
  'â€™': '’', 'â€˜': '‘', 'â€œ': '“', 'â€\u009d': '”', 'â€“': '–', 'â€”': '—', 'â€¦': '…',
};
const MOJIBAKE = /ΓÇ[Öÿ£¥ôöª]|â€[™˜œ\u009d“”¦]/g;

/**
 * A headline as a title: without a colon that introduced what follows ("Witkoff on the upcoming meeting in Saudi
 * Arabia:") or its full stop, a media badge the page appends ("… Oval Office clash VIDEO", "(WATCH IN FULL)"), a section's name after
 * a bar, or quotation marks around all of it.
 */
function headlineWords(line: string): string {
  let t = line
    .replace(/\s*:$/, '')
    // A headline some pages set with a full stop ("Putin calls Ramaphosa to discuss Ukraine."): not as a title.
    .replace(/(?<=\p{L}{2}|[’'"”])\.$/u, '')
    .replace(/\s+(?:VIDEO|VIDEOS|PHOTOS?|GALLERY|WATCH|AUDIO|LIVE|UPDATED|UPDATE)$/u, '')
    // … or sets it in brackets: "Putin's Q&A session following China visit (WATCH IN FULL)", "… [VIDEO]".
    .replace(/\s*[([](?:\+\s*)?(?:WATCH|VIDEOS?|PHOTOS?|GALLERY|AUDIO|LIVE|UPDATED?|PODCAST)(?:\s+(?:IN FULL|LIVE|NOW|HERE))?[)\]]$/iu, '');
  // The site's name and the day after dashes, as DW titles its pages ("… attend Swiss peace summit – DW – 06/15/2024").
  t = t.replace(/\s+[–—-]\s+[\p{L}.&]{2,24}(?:\s[\p{L}.&]{2,24})?\s+[–—-]\s+\d{1,2}\/\d{1,2}\/\d{4}$/u, '');
  // The section's or site's name after a bar ("… Talks In Berlin | World News"), when the headline is longer.
  const bar = /\s+\|\s+([^|]{1,40})$/u.exec(t);
  if (bar && bar[1] !== undefined && bar[1].split(/\s+/).length <= 4 && t.slice(0, bar.index).split(/\s+/).length >= 4) t = t.slice(0, bar.index);
  // … or before it, glued on as a flattened page prints its kicker: "Africa|United States to Lift Sudan Sanctions".
  const kicker = /^(\p{Lu}[\p{L}&'’ -]{1,30})\s*\|\s*(?=\p{Lu})/u.exec(t);
  if (kicker && kicker[1] !== undefined && kicker[1].trim().split(/\s+/).length <= 3 && t.slice(kicker[0].length).split(/\s+/).length >= 4) t = t.slice(kicker[0].length);
  const quoted = /^["“«]([^"“”«»]+)["”»]$/u.exec(t);
  return quoted?.[1] ?? t;
}

/** A slash-separated kicker before the lead: "Rubio, Witkoff Meet … Talks/ Newslooks/ WASHINGTON/ J. Mansour/ Morning Edition/ Senior …". */
const SLASH_KICKER = /^((?:[^/\n]{1,120}\/\s){3,})(?=\p{Lu})/u;

/** A breadcrumb trail glued to the headline, as flattened pages print it: "HomeNewsWorldTrump Says He Wants …". */
const GLUED_BREADCRUMB = /^(Home(?:\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?){1,4}?)(?=\p{Lu}\p{Ll}+[\s’'])/u;

/** A share button's label run on after a paragraph's last sentence: "… a long-term settlement. Share". */
// (And a clip's link after a quotation, as a round-up of interviews prints it: "“… game-changing.” (Watch)".)
const TRAILING_LABELS = ['Share', 'Tweet', 'Email', 'Print', 'Copy link', 'Comment', 'Comments', '(Watch)', '(Video)', '(Listen)', '(Source)', '(Link)'];
/** A sentence, then a link to read on: the sentence with its first stop, and the link. */
const READ_ON = /^(.{20,}?(?:\p{L}\.(?=\.{2,}|…)|[.!?]["”’»]?(?=\s)))(?:\.+|…)?\s*((?:continue reading|read (?:more|the (?:full )?(?:article|story)))\b[^.!?]{0,60}?(?:>+|»+|›+|…|\.{3})?)$/iu;

/**
 * A date stamp with its weekday or its time run on after a headline, as flattened pages print them: "Swiss Foreign
 * Minister urges inclusion of Russia in Ukraine peace talks Sunday, January 14, 2024 1:00:51 PM". Not a day the
 * sentence goes on to name ("… to meet on Friday, August 15, 2025"): no stop in the head, and no preposition before it.
 */
const STAMP_MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const STAMP_WEEKDAY = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+`;
const STAMP_TIME = String.raw`,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?`;
const TRAILING_STAMP = new RegExp(
  String.raw`^(.{20,200}?)\s+((?:${STAMP_WEEKDAY})?(?:${STAMP_MONTH}\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+${STAMP_MONTH},?\s+\d{4})(?:${STAMP_TIME})?)$`,
  'u',
);

function splitTrailingStamp(text: string): string[] {
  // Most lines end otherwise: only one ending in a year or a time is looked at further.
  if (!/(?:\d{4}|\d:\d{2}|[AaPp]\.?[Mm]\.?|\s[A-Z]{2,5})$/.test(text)) return [text];
  const m = TRAILING_STAMP.exec(text);
  if (!m?.[1] || !m[2]) return [text];
  const [, head, stamp] = m;
  // A stamp says its weekday or its time; a head that is a sentence, or ends on a preposition, goes on into the day;
  // one that ends on a dash is a byline's or a site's ("- The Washington Times - Wednesday, June 4, 2025").
  if (!/day\b|\d:\d{2}/.test(stamp) || /[.!?;:,"”’|–—-]$|[.!?]\s+\p{Lu}/u.test(head) || /\b(?:on|by|until|till|from|since|before|after|of|in|to|and|for|at)$/i.test(head)) return [text];
  return [head, stamp];
}

function splitTrailingWidget(text: string): string[] {
  const stamped = splitTrailingStamp(text);
  if (stamped.length > 1) return stamped;
  // A link to the rest of the story run on after the paragraph's end, as an aggregator's excerpt prints it: "… amid its
  // ongoing war with Russia......CONTINUE READING THE ARTICLE FROM THE SOURCE>>>>>". The paragraph keeps one stop.
  if (/(?:continue reading|read (?:more|the (?:full )?(?:article|story)))/i.test(text)) {
    const m = READ_ON.exec(text);
    // (A teaser's own "Read More" after its one sentence stays with it: "As if stress breakouts weren't bad enough.
    // Read More" is a link to another story.)
    if (m?.[1] && m[2] && (/^continue/i.test(m[2]) || /(?:>|»|›)$/.test(m[2]) || /(?:\.{2,}|…)$/.test(text.slice(0, text.length - m[2].length).trimEnd())))
      return [m[1], m[2]];
  }
  // Most lines end otherwise: only a line ending in a label is looked at further.
  const label = TRAILING_LABELS.find((l) => text.endsWith(l));
  if (label === undefined || !/[.!?]["”’»]?\s+$/u.test(text.slice(0, -label.length))) return [text];
  return [text.slice(0, text.length - label.length).trimEnd(), label];
}

/** A widget's label glued to the paragraph after it, as flattened pages print it: "View AllThe negotiators went …". */
const GLUED_WIDGET = /^((?:View|See|Show|Read|Load)\s+(?:All|More)|Quick Reads|Related|Advertisement|ADVERTISEMENT)(?=\p{Lu}\p{Ll})/u;
/**
 * A page's accessibility or audio control before the line it sits on, after a crawler's date prefix if any: "date
 * 2025-02-18 Skip next section US and Russian diplomats to meet …" (DW's live blog), "Listen to article Trump and …".
 */
const LEADING_CONTROL = new RegExp(
  String.raw`^\s*((?:${METADATA_PREFIX.source.slice(1)})?(?:Skip (?:next section|to (?:main )?content|navigation)|Listen to (?:this )?(?:article|story)|Play audio)(?:\s*\|)?)\s+(?=\p{Lu})`,
  'iu',
);

/**
 * A summary box's label in capitals run into its first point, after a crawler's date prefix if any: "date 2025-02-27
 * KEY POINTS British Prime Minister Keir Starmer met with …". (Capitals only: "Highlights of the talks …" is prose.)
 */
const GLUED_SUMMARY_LABEL = new RegExp(
  String.raw`^(\s*(?:${METADATA_PREFIX.source.slice(1)})?)((?:KEY POINTS|KEY TAKEAWAYS|TAKEAWAYS|STORY HIGHLIGHTS|HIGHLIGHTS|AT A GLANCE|IN BRIEF|IN SHORT|SUMMARY|QUICK READ|THE GIST|WHAT YOU NEED TO KNOW):?)\s+(?=\p{Lu}\p{Ll})`,
  'u',
);

/**
 * A date stamp glued to the text after it, as flattened listings print it: "November 25, 2023In 2022, Russia proposed
 * …" (or with a space: no sentence opens on a date and a capitalised word).
 */
const GLUED_STAMP = new RegExp(String.raw`^(${STAMP_MONTH}\s+\d{1,2},\s+\d{4}|\d{1,2}\s+${STAMP_MONTH}\s+\d{4})\s?(?=\p{Lu}\p{Ll})`, 'u');

function splitGluedWidget(text: string): string[] {
  const m = GLUED_WIDGET.exec(text);
  if (m?.[1]) return [m[1], text.slice(m[1].length)];
  const stamp = /^\d|^[A-Z][a-z]{2}/.test(text) ? GLUED_STAMP.exec(text) : null;
  if (stamp?.[1]) return [stamp[1], text.slice(stamp[0].length)];
  // The label comes off; the date prefix stays on the line, where the page's date is read from.
  const label = GLUED_SUMMARY_LABEL.exec(text);
  const prefix = label?.[1] ?? '';
  if (label?.[3]) return [label[3], `${prefix}${text.slice(label[0].length)}`];
  const kicker = text.includes('/ ') ? SLASH_KICKER.exec(text) : null;
  if (kicker?.[1]) return [kicker[1].trim(), text.slice(kicker[1].length)];
  const crumbs = GLUED_BREADCRUMB.exec(text);
  if (crumbs?.[1]) return [crumbs[1], text.slice(crumbs[1].length)];
  const control = LEADING_CONTROL.exec(text);
  return control?.[1] ? [control[1], text.slice(control[0].length)] : [text];
}

/**
 * A related story's title printed inside a paragraph, in the "<title>: Reports" form some outlets give their
 * headlines ("… in the near future. Lavrov rejects ‘immediate ceasefire’ demand by the US: Reports Russia, on the other
 * hand, …"). Split out on a line of its own, where it reads as the title it is and not as the start of a sentence.
 */
const INLINE_TITLE = /([.!?]["”’]?\s+)([^.!?:\n]{15,140}?:\s(?:Reports?|Sources?|Officials?|Media|Analysts?|Experts?))\s+(?=\p{Lu})/u;

function splitInlineTitle(text: string): string[] {
  const m = INLINE_TITLE.exec(text);
  if (!m?.[1] || !m[2]) return [text];
  const at = m.index + m[1].length;
  const end = at + m[2].length;
  return [text.slice(0, at).trim(), m[2], ...splitInlineTitle(text.slice(end).trim())];
}

/**
 * A headline with the picture's caption run on in the same line, as pages flattened to text print it: "Istanbul
 * talks: Key agreements and next steps Photo: Ukrainian delegation at the talks (Getty Images)". Split in two, so
 * the caption is judged as the chrome it is and the title stays a title. Only a title-like head (no sentence in it)
 * is split: "… said. Photo: …" is left to the sentence splitter.
 */
const RUN_ON_CAPTION = /^(.{20,200}?)\s+((?:Photos?|Images?|Pictures?|Photograph|Illustration|Collage|Video)(?:\s+credit)?\s*:\s+\S.{2,300})$/u;

function splitRunOnCaption(text: string): string[] {
  // The label's colon first: most lines have none, and the pattern tries every length of the head before it.
  if (!text.includes(':')) return [text];
  const m = RUN_ON_CAPTION.exec(text);
  if (!m?.[1] || !m[2]) return [text];
  const head = m[1];
  if (/[.!?;:"”’]$/.test(head) || /[.!?]\s+\p{Lu}/u.test(head)) return [text];
  return [head, m[2]];
}

/**
 * A lead-in run into the first paragraph with a colon, as some pages print a kicker or summary line: "Trump, Putin
 * hold telephonic conversation: US President Donald Trump and …". It is split off as a heading: neither a fact nor
 * the event's title (readers and labellers take it for the page's furniture, not its headline). Not "… said: ", not
 * a label ("Details: "), not a quotation.
 */
const RUN_IN_HEADLINE = /^([^:“”"«»]{15,110}?):\s+(?=\p{Lu})/u;

function runInHeadline(line: string): string | undefined {
  const m = RUN_IN_HEADLINE.exec(line);
  const head = m?.[1]?.trim();
  if (!head || head.split(/\s+/).length < 3 || /[.!?]$/.test(head)) return undefined;
  if (/\b(?:said|says|say|told|tells|wrote|writes|added|adds|stated|states|announced|declared|noted|according to|reports?|reported)$/i.test(head)) return undefined;
  return head;
}

/** A line that ends as one of a list's items ("Ban foreign troops;", "…; and"). */
const LIST_ITEM_END = /;(?:\s+(?:and|or))?$/;

/** Classify a page's blocks and assemble the article text from the lines that are not chrome. */
export function articleText(blocks: readonly PageBlock[], opts: ClassifyOptions = {}): ArticleText {
  const page = classifyLines(blocks, opts);
  const firstKept = page.lines.findIndex((l) => l.kind !== 'chrome');
  const first = page.lines[firstKept];
  const runIn = first?.kind === 'body' ? runInHeadline(first.text) : undefined;
  if (first && runIn !== undefined) {
    const rest = first.text.slice(first.text.indexOf(':', runIn.length) + 1).trim();
    page.lines.splice(firstKept, 1, { text: runIn, kind: 'heading', terminated: false }, { ...first, text: rest });
  }
  const spans: LineSpan[] = [];
  let text = '';
  let headline: string | undefined;
  /** The text of the line kept before this one. */
  let before = '';
  for (const line of page.lines) {
    if (line.kind === 'chrome') continue;
    // "Witkoff on the upcoming meeting in Saudi Arabia:" heads the quotation under it; as a title it ends at its words.
    if (line.kind === 'headline') headline = headlineWords(line.text);
    const last = spans[spans.length - 1];
    const at = text === '' ? 0 : text.length + 1;
    // A list in the article ("The plan would: / Reduce the army by half; / Ban foreign troops; / … and replace the
    // president.") is one sentence set out on lines: its items join the line before them (a space for the line break,
    // so offsets stay), and the series is a fact like any sentence. (A quotation under "… said:" stays a sentence of
    // its own: the intro is no item of it.)
    const item = LIST_ITEM_END.test(line.text) || (LIST_ITEM_END.test(before) && line.terminated);
    const joined = last !== undefined && last.kind === 'body' && line.kind === 'body' && (before.endsWith(':') || LIST_ITEM_END.test(before)) && item;
    if (joined) {
      last.end = at + line.text.length;
      last.terminated = line.terminated;
    } else spans.push({ start: at, end: at + line.text.length, kind: line.kind, terminated: line.terminated });
    text = text === '' ? line.text : `${text}${joined ? ' ' : '\n'}${line.text}`;
    before = line.text;
  }
  const out: ArticleText = {
    text,
    spans,
    statedDates: page.statedDates,
    dropped: page.dropped,
    all: page.lines.map((l) => ({ text: l.text, kind: l.kind })),
  };
  if (headline !== undefined) out.headline = headline;
  return out;
}

/** The article text of plain text: chrome dropped, one paragraph per line. */
export function cleanArticleText(raw: string, opts: ClassifyOptions = {}): string {
  return articleText(textBlocks(raw), opts).text;
}
