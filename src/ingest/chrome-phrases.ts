import { anyMatch } from '../text/any-match.js';

/**
 * Phrases that mark a line as page chrome rather than article prose: link-list headings ("Read next"), prompts and
 * widgets, captions and credits, bylines, wire footers, cookie notices. They are one feature among several of the
 * line classifier (boilerplate.ts), not the whole of it: a line no rule names is still judged on its shape.
 */

/** Headings that open a block of links to other stories. */
export const TRAILER_HEADING =
  /^(?:read next|read more|read also|also read|related(?: (?:stories|articles|news|coverage|content|topics|reading|links))?|more (?:stories|news|from [\w .'’-]{1,40}|on this(?: story| topic)?|in [\w .'’-]{1,30})|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?(?:like|be interested in)|most (?:read|popular|viewed)|trending(?: now| stories)?|latest(?: news| stories)?|top stories|see also|editor'?s? picks|don'?t miss|what to read next|further reading|in other news|(?:other )?topics of interest|popular now|(?:from )?around the web|latest videos?|top picks|now trending|up next|more [\w'’-]{3,20})\s*[:»›>-]?$/i;

/**
 * A link-list heading run on into the first teaser's title, as a flattened page prints it: "Other Topics of Interest
 * Trump Officials Hold Secret Talks … The administration reportedly urged …". However long the line, it is the list.
 */
export const TRAILER_RUN_ON =
  /^(?:(?:[Oo]ther )?[Tt]opics [Oo]f [Ii]nterest|[Rr]ead [Nn]ext|[Rr]ead [Aa]lso|[Aa]lso [Rr]ead|[Rr]elated (?:[Ss]tories|[Aa]rticles|[Nn]ews|[Cc]overage)|[Yy]ou [Mm]ay [Aa]lso [Ll]ike|[Rr]ecommended (?:[Ss]tories|[Ff]or [Yy]ou)|[Mm]ore [Ss]tories)\s+(?=\p{Lu})/u;

/** An embedded post's signature line, its author first: "— Volodymyr Zelenskyy (@ZelenskyyUa) May 19, 2025". */
export const POST_SIGNATURE = /^(?:[—–-]\s*)?(.{1,80})\(@\w{1,30}\)\s+\w{3,9}\.? \d{1,2}, \d{4}$/;

/**
 * A caption that says its picture is not of the news: "Illustration photo – …", "File photo: …", "Archive image — …",
 * or "File" alone, as AP and others open an archive picture's caption ("FILE - …", "File: … on October 22, 2021.").
 */
export const ARCHIVE_PICTURE = /^(?:(?:illustration|illustrative|file|archive|archival|stock)\s+(?:photo|image|picture|photograph)s?|file|archive)\s*[–—:-]\s/i;

/**
 * The credits that close a wire report: "Reporting by …; Editing by …", "… contributed to this report.". Only names
 * after "by" (and the words that join them), so "Reporting by state media suggested …" stays. (Set in brackets too:
 * "(Reporting by Greg Roumeliotis in New York; Editing by Martin Howell)".)
 */
export const WIRE_CREDITS: RegExp[] = [
  /^\(?(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting) by(?:[\s,;.]+(?:\p{Lu}[\p{L}'’.-]*|by|and|with|in|editing|reporting|writing|additional|from|the|of))+[\s.]*\)?\.?$/u,
  /\bcontributed (?:reporting )?to this (?:report|story|article)\.?$/i,
  // A digest's closing credit set off by a dash: "— Editorial curation by Senior News Editor (curation based on …)".
  /^[—–-]\s*(?:[\p{L}'’]+\s+){0,2}(?:curation|curated|compiled|edited|produced|prepared|written|reporting)\s+by\s+\p{Lu}.{0,200}$/u,
  // "Danielle Kurtzleben contributed reporting from Washington, D.C., and …": a credit line, not news.
  /^(?:\p{Lu}[\p{L}'’.-]+\s+){1,4}(?:and\s+(?:\p{Lu}[\p{L}'’.-]+\s+){1,4})?contributed (?:reporting|to this)\b.{0,160}$/u,
];
export const isWireCredit = anyMatch(WIRE_CREDITS);

/** A single line that is a prompt or a widget label, never article prose. */
export const PROMPT_LINE: RegExp[] = [
  /^(?:leave|post|add|write) (?:the first|a|your) comment/i,
  // A post's date and writer with its comment count: "July 24, 2019 by Amy Motroni 5 Comments".
  /^(?:\p{L}{3,9}\.? \d{1,2},? \d{4}|\d{1,2} \p{L}{3,9},? \d{4})\s+by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s+\d+\s+comments?)?$/iu,
  // A teaser's blurb closed by its link: "As if stress breakouts weren't bad enough. Read More".
  /[.!?…]["”’]?\s+read more\W*$/i,
  // A sign-up drive closing on its button: "Never miss a delicious recipe! SIGN UP".
  /^never miss\b.{0,80}$|^.{0,80}[.!?]\s+(?:sign up|subscribe)(?: now| today| here)?\W*$/i,
  // A publishing system's and an account page's own lines: "You have permission to edit this article.", "Enter your
  // email address below and we will send you the reset instructions".
  /^you have permission to edit this (?:article|page|story|post)\.?$/i,
  // An alerts sign-up, glued to its menu item or not: "AP Top 25 Poll Alerts Get email alerts for every … release." (An
  // imperative "Get" opening the line or after a few capitalised words; "people could get alerts about air raids" is
  // news.)
  /^(?:[\p{Lu}\d][\p{L}\d'’.-]*\s+){0,6}Get (?:email |news |breaking news |push |text )?alerts (?:for|about|on|when)\b/u,
  // A clip's blurb under its audio or video: "AP correspondent Laurence Brooks reports on the latest peace talks …".
  // (Not "… reports from Kyiv that residents spent the night in metro stations": a report's content.)
  /^(?:\p{Lu}{2,}|\p{Lu}\p{L}+) correspondent \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,2} reports (?:on|from)\b(?![^.!?]*\bthat\b)[^.!?]{0,160}[.!?]?$/u,
  // A privacy consent box: "Your Privacy is Important to us", "Opt out of the sale or sharing of personal information",
  // "We won't sell or share your personal information to inform the ads you see."
  // (At the line's start: "Meta was fined for interest-based advertising" is news.)
  /^(?:your privacy is important to us|opt out of the sale or sharing|do not sell or share my|we (?:do not|don['’]t|won['’]t|will not) sell or share your|you may still see interest-based ads)\b/i,
  // A page's skip links, one ("Skip to main content", "Jump to recipe") or a row of them ("Skip to navigation   Skip to
  // search   Skip to main content   Skip to footer").
  /^(?:jump|skip) to (?:the )?(?:recipe|comments|content|main content|primary navigation|primary sidebar|navigation|footer)\b.{0,30}$|^(?:skip to (?:the )?(?:main |primary )?(?:content|navigation|search|footer|menu|article|section navigation)\s*)+$/i,
  // The site's policies and disclosures: "… please view our editorial policies … and most importantly, our terms of
  // service.", "All links on this site could lead to commissions paid to the publisher."
  /\bour (?:editorial (?:policies|standards|guidelines)|terms of (?:service|use)|privacy (?:policy|notice)|fact[- ]checking policy|advertising disclosure)\b|\bcommissions? (?:paid|earned) to (?:the publisher|us|this site)\b|\baffiliate links?\b/i,
  /\b(?:reset (?:instructions|your password|link)|forgot (?:your )?password|create a login|change your (?:email address|password))\b/i,
  /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$/i,
  /^(?:show|view|load|read) (?:all |more )?(?:\d+ )?comments?/i,
  /^what (?:is|'s) your (?:opinion|view|take)\b/i,
  /^what do you think\b.*\?$/i,
  /^(?:join|start) the (?:conversation|discussion|debate)\b/i,
  /^(?:sign up|subscribe)\b.{0,160}$/i,
  /\bnewsletter\b.{0,120}$/i,
  /^(?:get|receive) (?:our|the) .{0,60}(?:newsletter|alerts|briefing|in your inbox)/i,
  // "… UkraineAlert delivers the best … analysis on Ukraine twice a week directly to your inbox."
  /\b(?:to|in|into) your inbox\.?$/i,
  /^follow us\b/i,
  // "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube."
  /^follow (?:[\p{L}\p{N}.'’&-]+ ){1,5}on (?:Instagram|Facebook|Twitter|X|YouTube|TikTok|Telegram|LinkedIn|Threads|Bluesky|WhatsApp|Google News)\b.{0,80}$/iu,
  // A channel's plug: "Follow the events in Ukraine and the world together with Espresso! Subscribe to the Telegram
  // channel:".
  /^follow the (?:events|news|latest|developments)\b.{0,100}\bwith \p{Lu}[\p{L}\p{N}.'’&-]*[!.]/u,
  /^.{0,160}\bsubscribe to (?:the|our) (?:[\p{L}-]+ )?(?:telegram|whatsapp|youtube|viber|signal) (?:channel|page|account)\b.{0,60}$/iu,
  // A player's or an ad slot's message: "This advertisement has not loaded yet, but your article continues below.",
  // "We apologize, but this video has failed to load."
  /^(?:we apologi[sz]e, but )?this (?:advertisement|ad|video|content|player) has (?:not loaded yet|failed to load)\b.{0,80}$/i,
  /^(?:send|email|e-mail|share)\s+(?:this|the)\s+(?:page|article|story|link)\s+(?:to\s+(?:someone|a\s+friend)|via|by)\b.{0,40}$/i,
  /^(?:share|tweet|email|print)(?: this)?(?: (?:article|story|page|on [\w ]{1,20}))?:?$/i,
  // A row of share buttons read out: "Share current article via Email Share current article via Facebook …".
  /^(?:(?:share|send|post)\s+(?:(?:this|the|current)\s+)?(?:article|story|page|post|link)?\s*(?:via|on|to|by)\s+(?:e-?mail|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|messenger|viber|bluesky|threads|flipboard)\s*)+$/i,
  /^(?:click|tap) here\b/i,
  // A site asking for feedback: "Share your experiences, suggestions, and any issues you've encountered on The Jakarta
  // Post. We're here to listen."
  /^(?:share|send|tell us) (?:us )?your (?:experiences?|thoughts|views|feedback|suggestions|comments|opinions?)\b.{0,200}$/i,
  /^we(?:['’]re| are) here to listen\.?$/i,
  // An aggregator's disclaimer: "This article was added by the user . TheWorldNews is not responsible for the content of
  // the platform."
  /^this (?:article|post|story|content) was (?:added|submitted|posted|uploaded) by (?:the|a|our) (?:user|reader|member|contributor)\b.{0,160}$/i,
  /\bis not responsible for the content (?:of|on) (?:the|this|external|linked) (?:platform|site|website|page|sites)\.?$/i,
  // A page's disclaimer, on a machine translation or anything else: "Disclaimer: The translations are mostly done through
  // AI translator and might not be 100% accurate."
  /^disclaimer\s*:.{0,300}$/i,
  // A copyright notice claiming fair use, as transcript and clip sites print one: "Under Title 17 U.S.C. Section 107,
  // allowance is made for "fair use" for purposes such as criticism, comment, news reporting, …".
  /^under (?:title|section) \d+,? u\.?s\.?c\.?\b.{0,400}$|\ballowance is made for ["“]?fair use\b/i,
  // A reading-time label and an audio player's prompt: "Reading Time: 3 minutes", "Press play to listen to this article".
  /^(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*(?:about\s+)?\d+\s*(?:min|mins|minutes?)\b\.?$/i,
  /^press play to listen to this (?:article|story)\b.{0,40}$/i,
  // A video channel's plug: "… Like, comment, and subscribe for more!"
  /\blike,\s*comment,?\s*(?:and|&)\s*subscribe\b/i,
  // A paywall's or a proxy's message while it loads: "You have a preview view of this article while we are checking your
  // access. When we have confirmed access, the full article content will load."
  /\b(?:a preview (?:view )?of this article|checking your access|the full article(?: content)? will load)\b/i,
  // A row of hashtags: "#Zelenskys #press #conference #ended #war #Russia".
  /^(?:#[\p{L}\p{N}_]+[\s,]*){3,}$/u,
  // A site telling how to read it: "All Global Research articles can be read in 51 languages by activating the …".
  /\b(?:articles?|stories|content) (?:can|may) be read in \d+ languages\b/i,
  /\b(?:translations?|translated|this (?:article|text|page) (?:is|was|has been) translated)\b.{0,40}\b(?:AI|machine|automatic(?:ally)?|automated)\b.{0,20}\btranslat/i,
  /^advertisement$/i,
  // A credit line for where the copy comes from: "Source The Wion news", "Source: Reuters", "SOURCES - AFP, TASS". (A
  // name in capitals, no sentence: "Sources confirmed the meeting." is prose.)
  /^(?:[Ss]ources?|SOURCES?)\s*(?:[:–—-]\s*)?(?:[Tt]he\s+)?\p{Lu}[\p{L}\p{N}.&'’-]*(?:[\s,]+[\p{L}\p{N}&'’-][\p{L}\p{N}.&'’-]*){0,4}(?<![.!?])$/u,
  // A share prompt in the page's voice: "Help keep family & friends informed by sharing this article".
  /\bby sharing this (?:article|story|page|post)\b.{0,40}$/i,
  // A video player's keyboard help: "Space to play or pause, M to mute, left and right arrows to seek, …".
  /^(?:press\s+)?space(?:bar)?\s+to\s+play(?:\s+or\s+pause)?\b.{0,160}$/i,
  // A broadcast's or podcast's page describing its running order: "NewsHour’s Tim Franks joins the programme live from
  // Lviv.", "Also in the programme: We hear from …".
  /^(?:[\p{L}’'.-]+\s+){1,5}joins? (?:the|this|today['’]s) (?:programme|program|show|podcast|episode)\b.{0,80}$/iu,
  /^also (?:in|on) (?:the|this|today['’]s) (?:programme|program|show|podcast|episode)\b/i,
  // A live page's promotion: "Follow live the latest news about the war in Ukraine".
  /^follow\s+(?:live|(?:all\s+)?the\s+latest|our\s+live)\b.{0,100}$/i,
  // A gallery's caption numbered by its picture: "Mr. Putin announced … before the African delegation, picture 2.".
  /[,.]\s+(?:picture|photo|image)\s+\d{1,2}\.?$/i,
  // A wire agency's name on a line of its own, the copy's credit: "The Associated Press", "Reuters", "By AFP".
  /^(?:(?:the|by|from|source:?|via)\s+)*(?:Associated Press|AP|AFP|Agence France-Presse|Reuters|Bloomberg(?: News)?|TASS|Xinhua(?: News Agency)?|dpa|Anadolu(?: Agency)?|Ukrinform|UNIAN|Interfax(?:-Ukraine)?|RIA Novosti|Sputnik|EFE|ANSA|Kyodo(?: News)?|Yonhap|PTI|ANI|IANS|PA(?: Media)?)(?:\s+(?:and|with|&)\s+(?:the\s+)?(?:Associated Press|AP|AFP|Reuters|Bloomberg|TASS|Xinhua|dpa))?\.?$/i,
  /^(?:sponsored|promoted)(?: content)?$/i,
  /^\(?(?:photo|photograph|image|video|picture|illustration)s?(?: credits?)?:\s.{0,150}$/i,
  // A picture from the archive or an illustration, labelled so: "Illustration photo – Stoltenberg and Zelensky spoke …".
  ARCHIVE_PICTURE,
  /^see (?:more|all) (?:photos|pictures|images)\b.{0,80}$/i,
  // "Photo by Joedson Alves/Reuters"; a caption ending in its agency: "Relatives console each other (Getty)".
  /^(?:photo|photograph|image|picture|video)s? (?:by|courtesy(?: of)?)\s[^.!?]{1,80}$/i,
  /\((?:[\w .-]{1,40}\/)?(?:Getty(?: Images)?|AFP|AP|Reuters|EPA|PA(?: Media)?|Shutterstock|Alamy)\)$/,
  /\bclick here\.?$/i,
  // A page's instruction to the reader: "To take the rest of FP’s weekly international news quiz, click here, or sign up …".
  /^to (?:take|read|see|get|find|view|watch|hear|listen|join|receive)\b[^.!?]{0,120},\s*(?:click|tap) (?:here|on|the)\b/i,
  // A comment section's own line: "In case of abuse, click here to report."
  /^in case of abuse\b.{0,40}$|\bclick here to report\b/i,
  /^(?:terms of (?:use|service)|privacy policy|printer-friendly version|reprints and permissions)\b.{0,80}$/i,
  // "Image source, Getty Images", "Image caption, Delegates in Istanbul" (media captions set off by a comma), and as
  // translated copies print them: "image copyright Reuters", "photo comment,".
  /^(?:image|photo|video|media) (?:source|caption|credit)s?\s*[,:]\s.{0,200}$/i,
  /^(?:image|photo|picture|video|media) (?:copyright|comment|caption|source)s?\b\s*[,:]?(?:\s.{0,60})?$/i,
  // Wire footers (see WIRE_CREDITS) and "Our Standards: …".
  ...WIRE_CREDITS,
  /^our standards:/i,
  // Form small print and market-data widgets.
  /^by (?:submitting|signing up|clicking|subscribing|registering)\b/i,
  /^all (?:market data|quotes) (?:are )?delayed\b/i,
  // The signature line of an embedded post: "— Volodymyr Zelenskyy (@ZelenskyyUa) May 19, 2025", "pic.twitter.com/…".
  POST_SIGNATURE,
  /^(?:pic\.twitter\.com|https?:\/\/t\.co)\/\S+$/i,
  // An inline link to another story: "Related: Zelenskyy meets Erdoğan in Ankara", "Watch: …", "Read more: …".
  /^(?:related(?: (?:article|story|stories|link|links|coverage|video|content|reading))?|read more|read also|also read|see also|more on this story|on the (?:subject|topic)|in other news|watch|listen)\s*:\s.{0,200}$/i,
  // How to reach the writer, and where else to follow them: "To contact the reporter on this story: …",
  // "Matt Friedman may be reached at …", "Follow Tia Ghose on Twitter", "Like us on Facebook".
  /^to contact the (?:reporters?|editors?|writers?|authors?)\b/i,
  /\bmay be reached at\s+\S+@\S+/i,
  /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$/,
  /^follow\s.{1,60}\son\s(?:twitter|x|facebook|instagram|google\+|bluesky|threads|linkedin|telegram|tiktok)\b/i,
  /^like us on (?:facebook|instagram|twitter)\b/i,
  // An icon's alternative text read out as a line: "Chevron icon It indicates an expandable section or menu, …".
  /\b(?:chevron|arrow|caret|hamburger|search|close|menu|share|play|envelope|bookmark)\s+icon\b|\bindicates an expandable section\b/i,
  // A widget's note in brackets: "(Further content follows below the video material.)", "(Story continues below)".
  /^\((?:[^()]{0,40}\b(?:content|story|article|text|reading)\s+(?:follows|continues)\b[^()]{0,40}|advertisement|ad)\)\.?$/i,
  // A note on how the page was made: "This audio is created with AI assistance", "Note: AI technology was used to
  // generate this article's audio.", "Generated with artificial intelligence."
  /^(?:this|the) (?:audio|article|story|summary|text|translation|voice-?over)(?: version)? (?:is|was|has been) (?:created|generated|produced|written|narrated|translated|read)\b.{0,40}\b(?:AI|artificial intelligence)\b.{0,40}$/i,
  /^(?:note:\s*)?(?:AI|artificial intelligence)(?: technology| tools?)? (?:was|is|has been|were) used to (?:generate|create|produce|translate|narrate|voice|read)\b.{0,80}$/i,
  /^(?:generated|translated|narrated|voiced) (?:with|by|using) (?:AI|artificial intelligence)\.?$/i,
  // What goes with such a note on a translated copy: "The news agency is not responsible for the content of the
  // translated article.", "The original was published by TT.", "go to the original language article".
  /^(?:the|this) (?:news agency|agency|publisher|site|website|outlet|newspaper|editorial (?:board|office)|editors?) (?:is|are) not responsible for (?:the )?(?:content|accuracy|translation)\b.{0,80}$/i,
  /^the original (?:article |text |story |report |version )?(?:was|is) (?:first )?(?:published|written) (?:by|in|on|at)\b.{0,60}$/i,
  /\bgo to the original(?:-| )language (?:article|version|text)\b/i,
  // The site about an ad blocker: "Some site features may not work correctly while an ad blocker is enabled, …".
  /\bad[- ]?blockers?\b.{0,120}\b(?:enabled|disable|turn(?:ed)? off|whitelist|allowlist|pause)\b|\b(?:disable|turn off|whitelist|pause)\b.{0,60}\bad[- ]?blockers?\b/i,
  // Syndication footers: "This article originally appeared on Fox News.", "Originally published on Live Science."
  /^(?:this (?:article|story|post|content|piece|report) (?:was )?(?:originally|first) (?:appeared|published)|originally published (?:on|in|at|by)|original article (?:on|at))\b.{0,160}$/i,
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
  /^(?:listen to this article|\d+\s*min(?:ute)?s?\s+read|story continues below(?: advertisement)?|continue reading(?: (?:the )?(?:main story|article|story|below))?|jump directly to (?:the )?content)\W*$/i,
  /^(?:©|\(c\)|copyright\b)/i,
  // "The contents of this site are ©2019 Capitol Hill Publishing Corp."
  /^the contents? of this (?:site|website|page)\b/i,
  /^.{0,120}©\s?(?:19|20)\d\d\b.{0,120}$/,
  // Newsletter and alert sign-ups however they are worded: "Let our news meet your inbox.", "Get breaking news alerts
  // and special reports.", "The news and stories that matter, delivered weekday mornings.", "[… Get New York Today in
  // your inbox.]"
  /^.{0,120}\byour inbox\b.{0,60}$/i,
  // "Every day we'll send you a roundup email of all the latest from Cork …, all in one handy email."
  /^.{0,40}\bwe(?:['’]ll| will)\s+(?:send|email|deliver)\s+you\b.{0,120}\b(?:e-?mail|newsletter|roundup|digest)s?\b.{0,80}$/i,
  /^get (?:breaking )?news alerts\b/i,
  /^.{0,80}\bdelivered (?:to you )?(?:every |each )?(?:weekday|weekend|week|day|morning|evening)s?(?: mornings?| evenings?)?\.?$/i,
  /^submit (?:your|a) (?:letter|tip|story|question|photo|video)s?\b.{0,80}$/i,
  /^.{0,80}\bsubscribers? (?:also )?(?:receive|get|enjoy)\b.{0,100}$/i,
  // A correction note: "This version corrects the spelling of …", "An earlier version of this story misstated …".
  /^[([]?(?:this|an earlier|a previous) (?:version|story|article|report)\b.{0,60}\b(?:correct|updat|amend|misstat|misidentif|misspell|incorrectly)\w*/i,
  /^[([]?(?:correction|clarification)\s*[:—–-]/i,
  /\b(?:all|some) rights reserved\b/i,
  /^(?:this (?:site|website) uses|we use) cookies\b/i,
  /\bcookies?\b.{0,120}\b(?:consent|accept|privacy|policy|settings|preferences|experience)\b/i,
  /^(?:accept|reject|manage)(?: all)? (?:cookies|preferences|settings)$/i,
  // A consent banner's standard wording (the IAB's framework and its copies): "We and our partners use cookies or similar
  // technologies to access and store non-sensitive information such as your IP address.", "The processing of your
  // personal data allows us, for example, to improve your user experience", "You can change your choice or withdraw your
  // consent anytime".
  /^(?:[*•-]\s*)?we and our (?:\d+\s+)?(?:partners|vendors)\s+(?:use|store|process|access|collect|do the following)\b|\b(?:store and\/or access|access and(?:\/or)? store) (?:non-sensitive )?information\b|\bprocessing of your personal data\b|\b(?:withdraw|change) your consent\b/i,
  /^(?:tags?|tagged|topics?|filed under):(?:\s|$)/i,
  // Bylines: "By Anna Petrenko · 20 May 2025" (no end punctuation, unlike "By Tuesday, the talks had stalled.").
  /^[Bb][Yy]\s+\p{Lu}[\p{L}'’.-]+(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’.-]+){0,4}(?:\s*[·|,–—-]\s*[^.!?]{0,40})?$/u,
  /^(?:updated|published|posted|last updated):?\s.{0,60}$/i,
  // A newsletter's greeting to its own title: "Welcome back to World Brief, where we're looking at …", "Good morning and
  // welcome to The Morning Dispatch!" (the item it lists is told again below it, as news).
  /^(?:Good (?:morning|afternoon|evening)[,!.]?\s+(?:and\s+)?)?[Ww]elcome (?:back )?to (?:the |this week['’]s |today['’]s )?\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*){0,4}(?:[,!:—–]|\.(?:\s|$))/u,
];
const anyPromptLine = anyMatch(PROMPT_LINE);

/**
 * The writer's biography under the article: "Evan Halper writes about …", "David is a reporter covering housing for
 * Gothamist", "Evan V. Symon is the Senior Editor for the California Globe.", and an academic's with a career after it
 * ("Nayyera Haq is an assistant dean at Syracuse Maxwell School of Public Affairs. She previously served as …"). Any
 * length: bios run long.
 */
export const AUTHOR_BIO =
  /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s+(?:is\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Ww]riter|[Jj]ournalist|[Cc]olumnist|[Cc]ontributor|[Pp]roducer|[Aa]uthor)\b|writes (?:about|for|on)\b|covers\s|is\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:fellow|professor|dean|lecturer|scholar|researcher|director)\b[^.!?]{0,120}\.\s+(?:She|He|They)\s+(?:previously|formerly|also|served|hosts|teaches|was)\b)/u;

/**
 * An outlet describing itself or its bylines, as wire copy and syndicated pages carry at the end: "Reuters, the news
 * and media division of Thomson Reuters, is the world’s largest multimedia news provider …", "Agence France-Presse (AFP)
 * is a French international news agency headquartered in Paris", "The Eastern Herald’s Russia Desk validates the stories
 * published under this byline."
 */
export const OUTLET_BIO =
  /\bnews and media division of\b|\bis the world['’]s (?:largest|leading|biggest|oldest)\s+(?:[\p{L}-]+\s+){0,3}(?:news|media|information)\s+(?:provider|agency|organi[sz]ation|company)\b|\bis an?\s+(?:[\p{L}-]+\s+){0,3}(?:news|wire|press)\s+agency\s+(?:headquartered|based)\s+in\b|\b(?:stories|articles|content) (?:published|posted|written) under this byline\b/iu;

/**
 * Does {@link OUTLET_BIO} match? Screened by its literals (see `anyMatch`): every long paragraph of a page is tried,
 * and the regex engine scanned each at every position for the three openings.
 */
export const isOutletBio = anyMatch([OUTLET_BIO]);

/** Share-widget vocabulary: a line made only of these words is a row of buttons. */
const SHARE_WORDS = new Set([
  'share', 'tweet', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'telegram', 'reddit', 'email', 'e-mail', 'print', 'copy',
  'link', 'pinterest', 'messenger', 'mail', 'save', 'bookmark', 'flipboard', 'threads', 'bluesky', '|', '·', '•',
]);

export const TIME_LINE = /^(?:\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|(?:(?:about|around|over|almost|nearly|just|less than)\s+)?(?:\d+\s?|an?\s+)(?:min|mins|minutes?|h|hrs?|hours?|d|days?|weeks?) ago|yesterday|today)$/i;
/** A time label relative to now ("about 5 hours ago", "2 days ago"): what lists of other stories print under each link. */
export const AGO_LINE = /\bago$/i;
export const DATE_LINE = /^(?:\d{1,2}\s+\w{3,9}\s+\d{4}|\w{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[ ,]+\d{1,2}[:.]\d{2})?$/i;

export function isShareRow(line: string): boolean {
  if (line.length > 120) return false;
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

/**
 * A teaser of another story, however long its blurb runs: it ends on the link ("… An explainer. Read more: What to
 * expect from the Geneva talks") or carries a content-card template ("This content was published on").
 */
export const TEASER_CARD = /\bread (?:more|also|next)\s*:\s+[^.!?]{5,160}$|\bthis content was (?:published|updated) on\b/i;

/** True when a line is a prompt, a widget, a cookie notice or a footer rather than prose. */
export function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (isShareRow(t)) return true;
  if (TEASER_CARD.test(t)) return true;
  // Prompts and widgets are short; a long line is prose even if it mentions a newsletter or cookies.
  if (t.length > 250) return false;
  return anyPromptLine(t);
}


/**
 * A call to action aimed at the reader: membership and donation drives, app and notification prompts, sign-in,
 * "support the army" banners, "For up-to-the-minute coverage …, visit LiveWorldUpdates.com.", "For more up-to-date
 * videos …, watch the Izvestia TV channel.". Prose reports such appeals in the third person ("Zelensky urged allies to
 * support …"), so only a line that opens with the appeal counts.
 */
/** The publisher inviting its reader to its event: "Join us at the Fortune Workplace Innovation Summit …". */
export const PROMO_INVITE = String.raw`join us (?:at|for) (?:the|a|an|our)`;
export const CALL_TO_ACTION =
  new RegExp(String.raw`^(?:for (?:more|the latest|up-to-the-minute|continuing|live|further|full)\b[^.!?]{0,120}?,\s*(?:visit|go to|follow|head to|watch|tune in|subscribe|check out|sign up|download)\b|help us\b|${PROMO_INVITE}\b|please (?:help|support|consider|donate|subscribe)|support (?:us|our|independent|quality|the (?:armed forces|army|defenders)|ukraine'?s? (?:army|armed forces|defenders))\b|donate\b|make a donation|become a (?:member|subscriber|patron|supporter)\b|join (?:us|our|now|today|the (?:\w+ )?(?:community|club|conversation))\b|subscribe\b|sign (?:up|in)\b|log ?in\b|register (?:now|today|for free)\b|(?:download|get) (?:the|our) (?:free )?app\b|stay (?:up to date|informed|updated|connected|in the know)\b|(?:enable|turn on|allow) (?:push )?notifications\b|follow (?:us|our)\b|read (?:more|next|the full|our)\b|continue reading\b|watch (?:now|live|the (?:video|full)|more)\b|listen (?:now|live|to (?:the|this|our) (?:podcast|episode|article|story)|to (?:the|this|our) (?:\w+ )?episode\b|to\b[^.!?]{0,80}\bon (?:apple podcasts|spotify|google podcasts|youtube music)\b)\b|go to (?:the )?(?:first|front|home) page\b|share (?:this|on|via)\b|(?:click|tap|scroll) (?:here|to|through|down)\b|advertise with us|contact us\b|send us\b|got a (?:news )?tip|we (?:need|rely on) (?:your|readers)|want (?:to (?:see|read|get) )?more (?:of|from|news|stories|like this)\b|add [\w .&'’-]{2,40} as (?:a |your )?preferred source\b|your (?:support|contribution|donation)\b|already a (?:member|subscriber)|unlock (?:this|unlimited|full|the free|our free)|your (?:daily |weekly |essential )?guide to\b|try (?:\d+ days|it free|for free)|start (?:your )?free trial|start (?:a |your )?free account\b|get (?:access to )?\d+ (?:free |premium )*(?:stories|articles)\b)`, 'i');

/** A counter or progress figure: "0 out of 25,000", "12,345/25,000", "73% of our goal", "9124 visitors online". */
export const COUNTER_LINE =
  /^(?:[\d.,\s]+(?:\/|out of|of)\s*[\d.,]+(?:\s+\p{L}+){0,2}|[\d.,]+\s*%(?:\s+(?:of (?:our|the) (?:goal|target)|funded|complete))?|[\d.,]+\s+(?:visitors?|readers?|members?|supporters?|subscribers?|people|users?)(?:\s+(?:online|reading|joined|now|and counting))?|[\d.,]+\s+(?:comments?|shares?|views?|likes?|reactions?|replies)|[\d.,]+)$/iu;

/** A line that is only a web address or a domain ("rki.news", "www.example.com/world"). */
export const ADDRESS_LINE = /^(?:https?:\/\/)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)+(?:\/\S*)?$/iu;

/**
 * A line of a postal address, as a site's contact widget prints it: a street ("304 North Cardinal St.") or a town with
 * its state and ZIP code ("Dorchester Center, MA 02124").
 */
export const POSTAL_LINE =
  /^(?:\d{1,6}\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Way|Square|Sq|Place|Pl|Suite|Ste)\.?(?:,\s*(?:Suite|Ste|Floor|Fl)\.?\s*\d{1,5})?|\p{Lu}[\p{L} .'’-]{1,40},\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?)$/u;

/** Separators of menus and breadcrumbs: "Home > World > Europe", "News | Politics | Ukraine", "World · Europe". */
const MENU_SEPARATOR = /\s(?:[|•·›»>/]|::)\s|\s[|•·›»]|[|•·›»]\s/g;

/**
 * A navigation line or breadcrumb: three or more short items between separators, or "Home" followed by a
 * separator. Sentences use commas and dashes, not pipes, chevrons and bullets.
 */
export function isMenuLine(line: string): boolean {
  if (/^home\s*(?:[|>›»/•·]|::)/i.test(line)) return true;
  // Icons named by their alternative text between the items: "Main arrow News of the day arrow Witkoff and Putin …".
  if (/(?:^|\s)arrow\s(?:\S+\s){0,12}?arrow(?:\s|$)/i.test(line) && line.split(/\s+/).length <= 24) return true;
  const separators = line.match(MENU_SEPARATOR)?.length ?? 0;
  if (separators < 2) return false;
  const items = line.split(/\s*(?:[|•·›»>/]|::)\s*/).filter((s) => s.trim() !== '');
  return items.length >= 3 && items.every((i) => i.split(/\s+/).length <= 5);
}

/**
 * A metadata prefix some crawlers write before a page's text: "date 2025-05-19 …", "Published: 2025-05-19 …".
 * The date is the page's; whatever follows on the line is the page's own first line.
 */
export const METADATA_PREFIX = /^(?:date|published|updated|posted|last[ -]modified)\s*:?\s+(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)\b\s*/i;

/** A day written with its month's name and its year, as pattern source: "November 30 2025", "23 July, 2025". */
const DAY_WITH_YEAR = String.raw`(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})`;

/** A caption's own opening: "In this photo released by Xinhua News Agency, …", "File photo: …", "This handout picture …". */
export const CAPTION_OPENING =
  /^(?:file (?:photo|image|picture)|pictured|photo shows|in this (?:(?:pool|handout|file|undated|aerial)\s+)?(?:photo|image|handout|picture|file photo|photograph|video grab|screen ?grab)|this (?:(?:pool|handout|file|undated|aerial)\s+)?(?:photo|photograph|image|picture|handout|combination of pictures|video grab))\b/i;

/**
 * A picture's credit as a line or a sentence of its own: "Photo by Ministry of Defense of Ukraine, Wikimedia commons.",
 * "Image courtesy of the Kremlin press service".
 */
export const CREDIT_SENTENCE = /^(?:Photos?|Pictures?|Images?|Photograph|Illustration|Video)\s+(?:by|courtesy(?:\s+of)?|via|from|credit)\s+[^.!?]{2,100}\.?$/iu;

/**
 * A caption run into the paragraph under its picture, as Newsweek prints it: "… will only “finally” end through
 * diplomacy with Russia. Above, Zelensky speaks at a press conference in March." (Not "Above all, …".)
 */
export const PICTURE_PLACED = /^(?:Above|Below|Pictured(?:\s+(?:above|below|here))?|In the (?:photo|picture|image) (?:above|below))(?:\s+(?:left|right|centre|center))?,\s+\p{Lu}[^.!?]{3,200}[.!?]?$/u;

/**
 * A photo caption or credit: an agency or photographer credited at the end ("… May 19. — Reuters", "(Vyacheslav
 * Prokofyev, Sputnik, Kremlin Pool Photo via AP)", "Picture: ANDREW HAMIK/GETTY IMAGES", "REUTERS/Evelyn Hockstein"),
 * people placed in the picture ("Trump (L) and Putin (R)", "From left to right: …"), a photo described ("pose for a photo", "File photo"), or a
 * date set off at the end as captions write it ("… in Washington, US, 11 February 2025.").
 */
export const CAPTION: RegExp[] = [
  /\s[—–-]\s*(?:Reuters|AFP|AP|EPA(?:-EFE)?|Getty(?: Images)?|Anadolu(?: Agency)?|TASS|Sputnik|Xinhua|Bloomberg|dpa|Ukrinform|UNIAN|RIA Novosti|File|Pool)(?:\s*(?:\/|via)\s*[\p{L} .]{2,40})?\.?$/iu,
  /\((?:[^()]{0,160}?(?:\/|via|,)\s*)?(?:AP|Associated Press|AFP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|Sputnik|(?:Kremlin )?Pool(?: Photo)?(?: via AP)?|File(?: photo)?|Shutterstock|TASS|Anadolu(?: Agency)?|Bloomberg|Xinhua|Ukrinform|UNIAN|AP Photo[^()]{0,40})\)\.?$/iu,
  // The credit may name a site: "Image of … Credit: Alexandros Michailidis/Shutterstock.com" (a stop inside a word).
  /(?:^|[\s.])(?:Pictures?|Photos?|Photograph|Image|Credit|Foto|Collage|Illustration)\s*:\s*(?:[^.!?]|\.(?=[\p{L}\p{N}])){2,80}\.?$/iu,
  // A picture agency named alone after a present-tense caption's stop: "… gestures as he speaks during his press
  // conference in Kyiv, amid the Russian invasion in Ukraine. AFP".
  /\s(?:gestures|speaks|looks on|attends|arrives|waves|listens|smiles|poses)\b[^.!?]{0,200}[.!?]\s+(?:AFP|AP|Reuters|REUTERS|EPA|Getty Images|Sputnik|TASS|Anadolu|Xinhua|Pool)\.?$/u,
  // An agency's photo credit in brackets at the end: "… concluded his three-day visit to the country. (CNS photo/Vatican
  // Media)".
  /[.!?]["”’]?\s+\([\p{Lu}][\p{L}.&]{1,12}\s+[Pp]hoto\s*\/\s*[^()]{2,60}\)\.?$/u,
  // A credit in brackets at the end: "… makes negotiations with Putin impossible (Photo:Office of the President of Ukraine)".
  /\((?:Photos?|Picture|Image|Foto|Video)\s*(?::|by\b|credit\b:?)\s*[^()]{2,80}\)\.?$/iu,
  CREDIT_SENTENCE,
  PICTURE_PLACED,
  // A picture's subject in the present passive, often with the day it was taken: "Ukrainian President Volodymyr
  // Zelensky is pictured in Munich on Feb.14 2026." (A report says who was photographed doing what, in the past.)
  /^[^.!?]{3,160}?\b(?:is|are)\s+(?:pictured|photographed)\b[^!?]{0,160}$/u,
  // A picture's licence ending the line, as free pictures are credited: "… Wikimedia Commons (CC BY 4.0)", "CC BY-SA 3.0".
  /(?:\bWikimedia Commons|\(?\bCC(?:[ -](?:BY|SA|ND|NC))+(?:[ -]\d\.\d)?\)?|\bCC0)\.?$/u,
  // German and other agencies' credits: "(archive picture) Bild: dpa".
  /(?:^|[\s.)])(?:Bild|Fotos?)\s*:\s*[^.!?]{2,60}$|\((?:archive|file|symbol|stock|illustrative|representative) (?:picture|photo|image)\)/iu,
  /\b(?:REUTERS|AFP|AP|EPA|GETTY IMAGES|SPUTNIK|ANADOLU)\s*\/\s*\p{Lu}[\p{L} .'-]{1,40}$/u,
  // An agency's photo credit on a line of its own: "AP Photo/Evgeniy Maloletka", "AP Photo/Alex Brandon, File".
  /^(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Sputnik|TASS|Anadolu|Xinhua|Pool)\s+Photos?\s*\/\s*\p{Lu}[\p{L} .,'’-]{1,60}$/u,
  // A picture agency's credit after the caption's stop: "… in Geneva, Switzerland, February 17, 2026. /VCG", or the
  // account a screenshot comes from: "… Witkoff's post on X. /@SEPeaceMissions".
  /[.!]\s*\/\s*(?:\p{Lu}[\p{L}]{1,15}|@[\p{L}\p{N}_]{2,30})$/u,
  // The photographer and agency run on at the caption's end, with no stop: "The Moulin Rouge cabaret in Paris Benoit
  // Tessier/Reuters".
  /\s\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){0,2}\s?\/\s?(?:Reuters|REUTERS|AP|AFP|Getty Images|EPA|Bloomberg|TASS|Sputnik|Anadolu|Xinhua|Pool|The New York Times|The Washington Post)\.?$/u,
  // A copyright credit after the caption's stop: "… sign a deal on Ukraine’s natural resources on April 30, 2025. © Facebook".
  /[.!]["”’]?\s+©\s?\p{Lu}[\p{L}\p{N} .&'’\/-]{1,40}$/u,
  /\((?:L|R|C|left|right|centre|center|top|bottom|front|back|entrance|(?:2nd|3rd|second|third) (?:left|right|L|R|from (?:left|right)))\)/,
  // A caption marked as such, as Korean and Japanese pages print it: "▲ Ukrainian President Zelensky".
  /^[▲△]\s*\S/u,
  /^(?:from\s+)?(?:left\s+to\s+right|right\s+to\s+left|L-R|R-L|clockwise\s+from\s+(?:top\s+)?(?:left|right))\s*[:,]\s/i,
  // The same in brackets opening the caption: "(L to R) Turkish President …, … and … shake hands in Lviv on …".
  /^\((?:from\s+)?(?:L|R|left|right)\s*(?:to|-|–)\s*(?:L|R|left|right)\)\s/i,
  // The photographer and agency credited first, the caption run on after them: "Dimitar DILKOFF / AFP(L to R) …".
  /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}\s*\/\s*(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|Sputnik|SPUTNIK|TASS|Anadolu|Xinhua|Pool|POOL)\b(?![\/-])/u,
  // A sentence of its own placing someone in the picture, ending the line: "… went to a meeting in Copenhagen that does
  // not seem to have resulted in decisions worth noting. Celso Amorim appears in the center."
  /[.!?]["”’]?\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:appears?|is seen|are seen|is pictured|are pictured|stands?|sits?)\s+(?:in the (?:center|centre|middle|foreground|background)|(?:on|at) the (?:far )?(?:left|right)|(?:second|third) from (?:the )?(?:left|right))\.?$/u,
  // Set off by commas instead: "Britain's Prime Minister Keir Starmer, front center, hosts the European leaders' summit".
  /,\s(?:(?:front|back|far|top|bottom|second|third|2nd|3rd)\s+)?(?:left|right|center|centre)(?:\s+(?:front|back|row))?,\s/,
  CAPTION_OPENING,
  // A picture described with a participle and no verb of its own: "Antony J. Blinken giving a speech at Helsinki city
  // hall." (A report tells what was said or done: "Putin, speaking at the Kremlin, said …".)
  // (A person, not "The meeting …": the participles that are no nouns, "The Busan meeting marked …".)
  /^(?!The\s)(?![^.!?]*\b(?:said|says|told|is|was|are|were|has|have|had|will|would|did|does)\b)(?:(?:\p{Lu}[\p{L}.'’-]*|and|of)\s+){1,8}(?:giving|delivering|speaking|attending|addressing|arriving|shaking|greeting|waving|gesturing|listening|posing|walking|chairing)\s+(?:a|an|the|at|to|in|on|with|for|during|hands|as|past|from)\s[^.!?]{0,150}\.?$/u,
  // A still from a video named at the caption's end: "… during U.N.-led evacuations from the Azovstal steel plant …,
  // in a still image from handout video released May 1, 2022 by the Azov Regiment."
  /,\s+in (?:a|this) (?:still(?: image)?|screen ?grab|screenshot|frame grab|video grab|image) (?:taken )?from (?:a |an )?(?:handout |social media |undated )?video\b.{0,100}$/i,
  /\b(?:poses?|posed|posing) for (?:a |the )?(?:photo|picture|photograph|portrait)s?\b/i,
  // The day the picture was taken, in brackets after the caption's stop: "… talks in Geneva. (February 18, 2026)".
  /[.!?]["”’]?\s+\((?:\p{L}{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? \p{L}{3,9},? \d{4}|\d{4}-\d{2}-\d{2})\)$/u,
  // A photographer and picture desk credited at the caption's end: "… in the Gomel region, Belarus February 28, 2022.
  // Sergei Kholodilin/BelTA/Handout via REUTERS".
  /[.!?]["”’]?\s+\p{Lu}[\p{L}.'’ -]{1,40}(?:\/[\p{L}.'’ -]{1,30}){1,3}\s+via\s+(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|Sputnik|TASS|Anadolu|Xinhua|Bloomberg)\.?$/u,
  // A caption labelled after a bar as a picture from the archive: "… give their land to the occupier.” | File photo".
  /\s\|\s*(?:File|Archive|Representational|Representative|Stock|Illustrative)\s+(?:photo|image|picture)s?\.?$/i,
  // A credit line of its own: "Ukrainian Presidential Press Office via AP", "Pool via Reuters".
  /^[\p{Lu}][\p{L} .,'’&-]{0,80}\svia (?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|Sputnik|TASS|Anadolu|Xinhua|Bloomberg)\.?$/u,
  /,\s*(?:\d{1,2}(?:st|nd|rd|th)? \p{L}{3,9},? \d{4}|\p{L}{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})\.?$/u,
  // A picture described in the present with the day it was taken, as AP captions run: "President Donald Trump points
  // to one of … during a press conference on Aug. 15, 2025, at Joint Base Elmendorf-Richardson." (News tells what
  // happened on a day in the past tense.)
  /^(?:(?:\p{Lu}[\p{L}.'’-]*|and|of|the)\s+){1,12}(?:points|gestures|shakes|waves|smiles|poses|looks|listens|arrives|walks|stands|sits|greets|speaks|attends|delivers|holds|talks|leaves|reacts|applauds|embraces|hugs|shake|talk|speak|walk|stand|sit|arrive|attend|pose|greet|listen|look|wave|smile|hold|gesture|embrace|hug|react|applaud)\s[^.!?]{0,200}?\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b[^.!?]{0,120}\.?$/u,
  // A picture described in the present without its day, the place and occasion after the verb: "President Joe Biden
  // speaks at a joint news conference with French President Emmanuel Macron to discuss the war in Ukraine, …". (News
  // tells what happened in the past tense; a headline ends without a stop.)
  /^(?![^.!?]*\b(?:said|says|told|tells)\b)(?:(?:\p{Lu}[\p{L}.'’-]*|and|of|the)\s+){1,12}(?:speaks|gestures|listens|looks on|waves|smiles|poses|arrives|delivers remarks)\s+(?:at|during)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:news conference|press conference|meeting|summit|ceremony|event|rally|briefing|forum|session|dinner|reception)\b[^!?]{0,250}\.$/u,
  // The same with the occasion as the verb's object: "Vladimir Putin attends an expanded meeting of the Defence Ministry
  // Board at the National Defence Control Centre in Moscow." (News tells that he attended.)
  /^(?![^.!?]*\b(?:said|says|told|tells)\b)(?:(?:\p{Lu}[\p{L}.'’-]*|and|of|the)\s+){1,12}(?:attends|chairs|addresses|hosts)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}(?:meeting|summit|ceremony|session|forum|event|conference|briefing|rally|reception|dinner)\b[^!?]{0,250}\.$/u,
  // The same with a subject that runs through lower-case words ("Secretary of Ukraine's national security and defence
  // council Rustem Umerov attends a meeting with … in Hallandale Beach, Florida, US on November 30 2025."): a name and
  // its office, no comma, no clause of its own, and the day with its year ending the line.
  new RegExp(String.raw`^(?![^,]*\b(?:who|which|that|said|says|has|have|had|was|were|is|are|will|would)\s)(?:[\p{L}\p{N}.'’-]+\s+){2,16}(?:attends|meets|meet|speaks|attend|speak|addresses|chairs|visits|arrives|arrive|shakes|shake|greets|greet|holds|hold|delivers|makes|gives|gestures|listens|looks|sits|stands|walks|waves)\s[^.!?]{0,220}?\b${DAY_WITH_YEAR}\.?$`, 'u'),
  // The same with several people listed, commas and all: "China’s president Xi Jinping, his French counterpart
  // Emmanuel Macron and European Commission president Ursula von der Leyen meet for a working session in Beijing, China
  // on 6 April 2023." (A plural verb in the present, the day with its year ending the line, no clause anywhere.)
  // (Or the day without its year, after "on": "… and Qatari Prime Minister Sheikh Mohammed bin Abdulrahman bin Jassim
  // Al Thani participate in the signing ceremony of the Board of Peace in Davos, Switzerland on Jan. 22.")
  new RegExp(String.raw`^(?![^.!?]*\b(?:who|which|that|said|says|has|have|had|was|were|is|are|will|would)\s)(?:[\p{L}\p{N}.'’-]+,?\s+){2,24}(?:meet|attend|participate|speak|shake|greet|hold|talk|pose|sit|stand|walk|arrive|sign)\s[^.!?]{0,220}?\b(?:${DAY_WITH_YEAR}|on\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})\.?$`, 'u'),
  // A picture's day set off as a sentence of its own after what it shows: "Vladimir Medinsky and other members of the
  // Russian delegation in Istanbul. July 23, 2025." (No report's sentence is a bare date.)
  new RegExp(String.raw`[.!?]["”’]?\s+${DAY_WITH_YEAR}\.?$`, 'u'),
  // The same without the year, the day ending the caption: "Russian President Vladimir Putin visits the armed forces'
  // command center in the Kursk region on March 12."
  /^(?:(?:\p{Lu}[\p{L}.'’-]*|and|of|the)\s+){1,12}(?:visits|inspects|chairs|addresses|points|gestures|shakes|waves|smiles|poses|looks|listens|arrives|walks|stands|sits|greets|speaks|attends|delivers|holds|leaves|reacts|applauds|embraces|hugs)\s[^.!?]{0,200}?\bon\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$/u,
  // A video introduced by who released it and where it was filmed, on a line of its own above the player: "The Ukrainian
  // Ministry of Internal Affairs has released video from inside the city of Kharkiv on Thursday." (Not what it shows:
  // "Zelensky released a video of him signing what he said was a formal NATO membership request" is the news.)
  /^(?:(?:\p{Lu}[\p{L}'’.-]*|of|the|for|and)\s+){1,10}(?:has |have )?(?:released|published|shared|posted) (?:a |new |this )?(?:video|footage)(?:\s+(?:from|taken|filmed|shot)\b[^.!?]{0,100})?(?:\s+on\s+\p{L}+(?:\s+\d{1,2})?)?\.?$/u,
];
/** Does any {@link CAPTION} pattern match? */
export const isCaptionLike = anyMatch(CAPTION);

/**
 * An editor's or publisher's note about the page itself: "Editor's note: This story is being updated.", and any line
 * the page labels its editors' ("Editorial introduction: While the Alaska summit was primarily political, …").
 */
export const EDITORIAL_NOTE =
  /^(?:(?:editor['’]?s note|editorial note|update(?:d)?|correction|clarification|note)\s*:\s*(?:this (?:story|article|post|page)|this is an? (?:developing|breaking|live)|an earlier version|we (?:have|will))|this (?:is a )?(?:developing|breaking) (?:story|news)\b|this (?:story|article|post|page) (?:is being|has been|will be|was) updated\b|(?:editor['’]?s|editorial) (?:note|introduction|intro)\s*:)/i;

/**
 * The outlet saying whom it asked for comment: "Newsweek has reached out to the Ministry of Foreign Affairs of Ukraine
 * for comment via email." (Not "The Kremlin did not respond to a request for comment": that is the news's own.)
 */
export const OUTLET_ASKED_FOR_COMMENT =
  /^(?:\p{Lu}[\p{L}.&'’-]*\s+){1,3}(?:has|had)\s+(?:reached\s+out\s+to|contacted|asked)\s[^.!?]{3,200}?\bfor\s+(?:further\s+)?comments?\b[^.!?]{0,160}[.!?]$/u;

/**
 * A sentence about the page rather than the news: "RBC-Ukraine has compiled the key statements …", "TASS has gathered
 * key updates", "Here is what we know", "Read more about … below", "(Further content follows below the video
 * material.)", "What is known about the first results is in the Izvestia material.", "Her words are quoted by TASS."
 * Not "a peace proposal the administration has put together": what is compiled must be the page's own statements,
 * updates, points or list.
 */
export const META_SENTENCE =
  /^(?:his|her|their|these|those|the)\s+(?:words|remarks|comments|statements?|quotes?)\s+(?:are|were|was|is)\s+(?:quoted|cited|carried|relayed)\s+by\s+[\p{L}.-]+(?:\s+[\p{L}.-]+){0,3}\.?$|^\((?:[^()]{0,40}\b(?:content|story|article|text|reading)\s+(?:follows|continues)\b[^()]{0,60})\)\.?$|\b(?:has|have) (?:compiled|gathered|collected|rounded up|put together|prepared)\s+(?:(?:the|a|an|all|some|its|our)\s+)?(?:(?:key|main|latest|most|important|major|essential|top|first|brief|short|detailed)\s+)*(?:statements?|updates?|points?|facts?|details|overview|list|timeline|highlights|quotes|takeaways|information|reactions|what|everything|answers)\b|^here(?:['’]s| is| are) (?:what|the latest|everything|how|a (?:look|timeline|recap))\b|^(?:read|see|watch|listen|find out)\b.{0,100}\b(?:below|here|above|in our [\p{L} ]{2,20}|in (?:the|this) (?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:article|piece|report|story|material))\.?$|^(?:explore|discover|learn|find out|dive into|uncover|get)\b.{0,120}\bin (?:this|our) (?:[\w-]+ ){0,2}(?:analysis|article|report|guide|piece|explainer|story|post|breakdown)\b|^(?:what|how|why|details|more)\b.{0,120}\b(?:is|are) in (?:the|our|this) (?:\p{Lu}[\p{L}'’.-]*\s+){0,3}(?:material|article|piece)(?: of \p{Lu}[\p{L}'’.-]*)?\.?$/iu;

/** A byline: "By Anna Petrenko", "byYuri Zoria", "By: CBS News", "Post By Jane Doe", "Justin Spike" under a title. */
export const BYLINE =
  /^(?:(?:[Pp]ost(?:ed)?|[Ww]ritten|[Rr]eported|[Ww]ords|[Ss]tory)\s+)?(?:[Bb][Yy]:?|(?:\p{Lu}{2,6}\s+)?(?:Staff|Staff [Ww]riter|Correspondent|Reporter)\b)\s*\p{Lu}[\p{L}'’.-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’.-]*){0,5}(?:(?:\s*[·|,–—-]\s*|\s+(?:in|at|from)\s+(?=\p{Lu})|\s+(?:updated|published|posted)\s+(?=(?:at|on)\b|\d))[^.!?]{0,60})?$/u;

/**
 * A byline with the writer's post: "By Maxine Davey, an editorial fellow at _Foreign Policy_." (a first and last name,
 * then a post; "By Tuesday, the talks had collapsed." names no one).
 */
export const BYLINE_WITH_POST =
  /^[Bb]y:?\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3},\s+(?:an?|the|our)\s+(?:[\p{L}-]+\s+){0,3}(?:fellow|editor|correspondent|reporter|writer|columnist|contributor|analyst|intern|producer|journalist)\b[^.!?]{0,60}\.?$/u;

/** A scripture verse a mailing list's signature carries: "(2Co 13:11) For the rest, brethren, rejoice …". */
export const SCRIPTURE_LINE = /^\((?:[1-3]\s?)?\p{Lu}\p{Ll}{1,10}\.?\s+\d{1,3}:\d{1,3}(?:[-–]\d{1,3})?\)\s/u;

/** An outlet's desk or network credited with the copy, maybe with its place: "Daijiworld Media Network – Washington". */
export const DESK_BYLINE =
  /^(?:\p{Lu}[\p{L}&.'’-]*\s+){1,4}(?:Media Network|News Network|News Service|News Desk|Newsdesk|Web Desk|News Bureau|Bureau)(?:\s+[–—-]\s+\p{Lu}[\p{L} .'’-]{1,30})?$/u;

/** Writers' names and their agency, as a wire copy's byline runs: "Illia Novikov and Matthew Lee, AP". */
export const AGENCY_BYLINE =
  /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}(?:(?:,\s*|\s+and\s+)\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})*,\s*(?:AP|AFP|Reuters|Associated Press|Bloomberg|PA(?: Media)?|dpa|TASS|Xinhua|CNN|BBC|NPR|Al Jazeera)$/u;

/** The writer introduced with the piece, as a student paper's dek runs: "News Writer, Jessica Tite, reports on the …". */
export const WRITER_DEK =
  /^(?:[\p{L}-]+\s+){0,2}(?:[Ww]riter|[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Cc]olumnist|[Cc]ontributor),\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3},\s+(?:reports|writes|explains|looks|examines|analy[sz]es|discusses|describes|explores)\b/u;

/** A script, a style rule or a data blob that leaked into the text: "(function(w,q){…})(window,"_mgq");". */
// A statement's end is code only after braces or a call ("});", "push(x);"): a list item of prose ends with ";" too.
export const CODE_LINE = /^\s*(?:\(?function\s*\(|var |let |const |window\.|document\.|[.#][\w-]+\s*\{)|[{}]\s*\)?;?\s*$|\w\([^)]*\)\s*;\s*$|=>\s*\{|\bfunction\s*\([^)]*\)\s*\{/;

/** Link text cut short with an ellipsis: a teaser for another page ("Many Western leaders still discuss this war as a…"). */
export const TEASER = /(?:…|\.\.\.)$/;

/** A local site's weather box: "Clear to partly cloudy. Low 57F. Winds SSE at 5 to 10 mph." */
// (The forecast's own clause, "Low 57F.", not a sentence about the cold: "Highs around 10F are forecast in Kharkiv".)
export const FORECAST = /(?:^|[.!]\s+)(?:High|Low)s?\s+(?:(?:near|around)\s+)?-?\d{1,3}\s?F\.(?:\s|$)|\bWinds?\s+(?:[NSEW]{1,3}|light and variable)\s+at\s+\d+\s+to\s+\d+\s+(?:mph|km\/h)\b/;

/** An embedded post's text, with its link: "… pic.twitter.com/G7breh5Gab", "https://t.co/…". */
export const EMBEDDED_POST = /\bpic\.twitter\.com\/\S+|\bhttps?:\/\/t\.co\/\S+/i;

/** A weather or market widget: "Athens 10°C", "USD 86.62". */
export const WIDGET = /\d\s?°\s?[CF]\b|^(?:USD|EUR|GBP|RUB|UAH|OIL|BTC)\s?\d|^(?:view all|see all|show all|show more|load more|quick reads|advertisement|continue reading|skip (?:next section|to (?:main )?content|navigation)|listen to (?:this )?(?:article|story)|play audio|audio version|share and follow|follow us|share this(?: article)?)\s*\|?$/i;

const STAMP_WORDS =
  /\b(?:published|posted|updated|last|modified|on|at|am|pm|ago|today|year|minutes?|mins?|hours?|hrs?|seconds?|secs?|a\.m|p\.m|utc|gmt|est|edt|cst|cdt|pst|pdt|bst|cet|cest|eet|eest|msk|ist|kyiv|moscow|time|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|st|nd|rd|th)\b/gi;

/**
 * A date stamp and nothing else: "Monday, May 19th 2025, 1:10 pm", "19:31, 19 May, 2025", "Updated: 20.05.2025 08:37",
 * "18 Feb, 2026 10:14 / Updated 35 minutes ago", "Today: Thursday, 16 January 2025 year" (a translated page's "2025 year"),
 * "Thu. May 22nd, 2025".
 * What is left without dates, times, month and weekday names and "Published"/"Updated" is at most a time zone.
 */
export function isDateStamp(line: string): boolean {
  if (line.length > 80 || !/\d/.test(line)) return false;
  const hasDate = /\d{4}|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b/.test(line) || /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(line);
  if (!hasDate) return false;
  // An ISO time stamp is one token, offset included: "Politics 2024-04-15T05:05:40+03:00" is a section and a stamp.
  const rest = line
    .replace(/\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g, ' ')
    .replace(STAMP_WORDS, ' ')
    // An ordinal day: "May 22nd, 2025".
    .replace(/(?<=\d)(?:st|nd|rd|th)\b/gi, ' ')
    .replace(/[\d\s.,:/|()–—-]+/g, ' ')
    .trim();
  return rest.split(/\s+/).filter(Boolean).length <= 1 && rest.length <= 12;
}
