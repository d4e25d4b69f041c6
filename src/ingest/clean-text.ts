/**
 * Strip page chrome from the plain text of a news article: "Read next"/"Related" link lists and everything after
 * them, newsletter/comment prompts, cookie notices, share buttons and copyright footers.
 *
 * Pure heuristics over lines; nothing here knows about any particular site.
 */

/** Headings that open a block of links to other stories. */
const TRAILER_HEADING =
  /^(?:read next|read more|read also|also read|related(?: (?:stories|articles|news|coverage|content|topics|reading|links))?|more (?:stories|news|from [\w .'’-]{1,40}|on this(?: story| topic)?|in [\w .'’-]{1,30})|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?(?:like|be interested in)|most (?:read|popular|viewed)|trending(?: now| stories)?|latest(?: news| stories)?|top stories|see also|editor'?s? picks|don'?t miss|what to read next|further reading|in other news|popular now|(?:from )?around the web|latest videos?|top picks|now trending|more [\w'’-]{3,20})\s*[:»›>-]?$/i;

/** A single line that is a prompt or a widget label, never article prose. */
const PROMPT_LINE: RegExp[] = [
  /^(?:leave|post|add|write) (?:the first|a|your) comment/i,
  /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$/i,
  /^(?:show|view|load|read) (?:all |more )?(?:\d+ )?comments?/i,
  /^what (?:is|'s) your (?:opinion|view|take)\b/i,
  /^what do you think\b.*\?$/i,
  /^(?:join|start) the (?:conversation|discussion|debate)\b/i,
  /^(?:sign up|subscribe)\b.{0,160}$/i,
  /\bnewsletter\b.{0,120}$/i,
  /^(?:get|receive) (?:our|the) .{0,60}(?:newsletter|alerts|briefing|in your inbox)/i,
  /^follow us\b/i,
  /^(?:share|tweet|email|print)(?: this)?(?: (?:article|story|page|on [\w ]{1,20}))?:?$/i,
  /^(?:click|tap) here\b/i,
  /^advertisement$/i,
  /^(?:sponsored|promoted)(?: content)?$/i,
  /^skip to (?:main )?content$/i,
  /^\(?(?:photo|photograph|image|video|picture|illustration)s?(?: credits?)?:\s.{0,150}$/i,
  /^see (?:more|all) (?:photos|pictures|images)\b.{0,80}$/i,
  // "Photo by Joedson Alves/Reuters"; a caption ending in its agency: "Relatives console each other (Getty)".
  /^(?:photo|photograph|image|picture|video)s? (?:by|courtesy(?: of)?)\s[^.!?]{1,80}$/i,
  /\((?:[\w .-]{1,40}\/)?(?:Getty(?: Images)?|AFP|AP|Reuters|EPA|PA(?: Media)?|Shutterstock|Alamy)\)$/,
  /\bclick here\.?$/i,
  /^(?:terms of (?:use|service)|privacy policy|printer-friendly version|reprints and permissions)\b.{0,80}$/i,
  // "Image source, Getty Images", "Image caption, Delegates in Istanbul" (media captions set off by a comma).
  /^(?:image|photo|video|media) (?:source|caption|credit)s?\s*[,:]\s.{0,200}$/i,
  // Wire footers: "Reporting by …; Editing by …", "… contributed to this report.", "Our Standards: …".
  // Only names after "by" (and the words that join them), so "Reporting by state media suggested …" stays.
  /^(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting) by(?:[\s,;.]+(?:\p{Lu}[\p{L}'’.-]*|by|and|in|editing|reporting|writing|additional|from|the|of))+[\s.]*$/u,
  /\bcontributed (?:reporting )?to this (?:report|story|article)\.?$/i,
  /^our standards:/i,
  // The signature line of an embedded post: "— Volodymyr Zelenskyy (@ZelenskyyUa) May 19, 2025", "pic.twitter.com/…".
  /^[—–-]\s*.{1,80}\(@\w{1,30}\)\s+\w{3,9}\.? \d{1,2}, \d{4}$/,
  /^(?:pic\.twitter\.com|https?:\/\/t\.co)\/\S+$/i,
  // An inline link to another story: "Related: Zelenskyy meets Erdoğan in Ankara", "Watch: …", "Read more: …".
  /^(?:related(?: (?:article|story|stories|link|links|coverage|video|content|reading))?|read more|read also|also read|see also|more on this story|watch|listen)\s*:\s.{0,200}$/i,
  // How to reach the writer, and where else to follow them: "To contact the reporter on this story: …",
  // "Matt Friedman may be reached at …", "Follow Tia Ghose on Twitter", "Like us on Facebook".
  /^to contact the (?:reporters?|editors?|writers?|authors?)\b/i,
  /\bmay be reached at\s+\S+@\S+/i,
  /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$/,
  /^follow\s.{1,60}\son\s(?:twitter|x|facebook|instagram|google\+|bluesky|threads|linkedin|telegram|tiktok)\b/i,
  /^like us on (?:facebook|instagram|twitter)\b/i,
  // Syndication footers: "This article originally appeared on Fox News.", "Originally published on Live Science."
  /^(?:this (?:article|story|post) (?:was )?(?:originally|first) (?:appeared|published)|originally published (?:on|in|at|by)|original article (?:on|at))\b.{0,160}$/i,
  /^\[via [^\]]{1,60}\]$/i,
  /^source:\s*\S{1,40}$/i,
  // Comment and share prompts, paywall and player widgets.
  /^(?:have something to add|to post a comment)\b/i,
  /\bshare it in the comments\b/i,
  /\bclicking the share button\b/i,
  /^(?:limited[- ]time offer|get updates\b.{0,60}$)/i,
  /\bsubscribe now\b.{0,120}$/i,
  /^press (?:space|spacebar|esc)\b/i,
  /^(?:share this video|video tools|loading(?: photo gallery| video| comments)?(?:\.\.\.|…)?)$/i,
  /^powered by\b.{0,40}$/i,
  /^(?:listen to this article|\d+\s*min(?:ute)?s?\s+read|story continues below(?: advertisement)?|continue reading)\W*$/i,
  /^(?:©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^(?:this (?:site|website) uses|we use) cookies\b/i,
  /\bcookies?\b.{0,120}\b(?:consent|accept|privacy|policy|settings|preferences|experience)\b/i,
  /^(?:accept|reject|manage)(?: all)? (?:cookies|preferences|settings)$/i,
  /^(?:tags?|tagged|topics?|filed under):(?:\s|$)/i,
  // Bylines: "By Anna Petrenko · 20 May 2025" (no end punctuation, unlike "By Tuesday, the talks had stalled.").
  /^[Bb][Yy]\s+\p{Lu}[\p{L}'’.-]+(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’.-]+){0,4}(?:\s*[·|,–—-]\s*[^.!?]{0,40})?$/u,
  /^(?:updated|published|posted|last updated):?\s.{0,60}$/i,
];

/** Share-widget vocabulary: a line made only of these words is a row of buttons. */
const SHARE_WORDS = new Set([
  'share', 'tweet', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'telegram', 'reddit', 'email', 'e-mail', 'print', 'copy',
  'link', 'pinterest', 'messenger', 'mail', 'save', 'bookmark', 'flipboard', 'threads', 'bluesky', '|', '·', '•',
]);

const TIME_LINE = /^(?:\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|\d+\s?(?:min|mins|minutes|h|hrs?|hours|d|days?) ago|yesterday|today)$/i;
const DATE_LINE = /^(?:\d{1,2}\s+\w{3,9}\s+\d{4}|\w{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[ ,]+\d{1,2}[:.]\d{2})?$/i;

function isShareRow(line: string): boolean {
  const words = line.toLowerCase().split(/[\s,/]+/).filter(Boolean);
  return words.length > 0 && words.length <= 8 && words.every((w) => SHARE_WORDS.has(w));
}

/** A line that looks like part of a list of links: a time, a date, a section label, or a short headline. */
export function isLinkListLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (TIME_LINE.test(t) || DATE_LINE.test(t)) return true;
  const words = t.split(/\s+/);
  // Section labels: one to four words, typically lowercase ("world news", "business").
  if (words.length <= 4 && !/[.!?]["”’]?$/.test(t)) return true;
  return false;
}

/** True when a line is a prompt, a widget, a cookie notice or a footer rather than prose. */
export function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (isShareRow(t)) return true;
  // Prompts and widgets are short; a long line is prose even if it mentions a newsletter or cookies.
  if (t.length > 250) return false;
  return PROMPT_LINE.some((re) => re.test(t));
}

/** Where a "Read next"-style trailer starts (line index), or -1. */
function trailerStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!TRAILER_HEADING.test(line)) continue;
    const following = lines.slice(i + 1).map((l) => l.trim()).filter((l) => l !== '').slice(0, 8);
    if (following.length === 0) return i;
    const listy = following.filter(isLinkListLine).length;
    const chrome = following.filter(isChromeLine).length;
    // A heading followed by links (times, labels, short titles) or straight by prompts: the article is over.
    if (listy + chrome >= Math.min(2, following.length)) return i;
  }
  return -1;
}

/** Where a copyright footer starts, when it sits in the last part of the text (then everything after it goes too). */
function footerStart(lines: string[]): number {
  const from = Math.floor(lines.length * 0.6);
  for (let i = from; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (/^(?:©|\(c\)\s|copyright\b)/i.test(t) || /\ball rights reserved\b/i.test(t)) return i;
  }
  return -1;
}

/**
 * Clean article text: normalise whitespace and line ends, drop trailers, prompts and footers.
 * Paragraph breaks survive as single newlines so sentence offsets stay meaningful.
 */
export function cleanArticleText(raw: string): string {
  const normalised = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/[ \t]+/g, ' ');
  let lines = normalised.split('\n').map((l) => l.trim());

  const trailer = trailerStart(lines);
  if (trailer >= 0) lines = lines.slice(0, trailer);
  const footer = footerStart(lines);
  if (footer >= 0) lines = lines.slice(0, footer);

  const kept = lines.filter((l) => !isChromeLine(l) && !TRAILER_HEADING.test(l));
  // Collapse runs of blank lines, then drop leading/trailing blanks.
  const out: string[] = [];
  for (const l of kept) {
    if (l === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(l);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/**
 * Split a leading headline off plain text: a short first line without end punctuation, followed by prose.
 * Returns the body unchanged when the first line reads like a sentence.
 */
export function splitHeadline(text: string): { title?: string; body: string } {
  const nl = text.indexOf('\n');
  if (nl < 0) return { body: text };
  const first = text.slice(0, nl).trim();
  const rest = text.slice(nl + 1).replace(/^\n+/, '');
  const words = first.split(/\s+/).filter(Boolean);
  const looksLikeHeadline =
    first.length > 0 && first.length <= 200 && words.length >= 3 && words.length <= 30 && !/[.;,:]$/.test(first) && rest.trim().length > first.length;
  return looksLikeHeadline ? { title: first.replace(/[.!]$/, ''), body: rest } : { body: text };
}
