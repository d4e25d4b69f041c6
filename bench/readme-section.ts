import type { BenchResults, CaseOutcome } from './run.js';

type Row = [string, string, string, string];

function get(c: CaseOutcome | undefined, path: string): unknown {
  let v: unknown = c;
  for (const k of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function status(c: CaseOutcome | undefined): string {
  if (!c) return 'not run';
  if (!c.ok) return `error: ${c.error.split(' | ')[0]}`;
  return c.pass ? '✓ met' : '✗ missed';
}

/** The README "Benchmarks" section, generated from a full run's results. */
export function renderReadmeSection(r: BenchResults): string {
  const c = r.cases;
  const fmt = (v: unknown, unit = '') => (v === undefined || v === null ? 'n/a' : `${typeof v === 'number' ? v.toLocaleString('en-US') : String(v)}${unit}`);
  const rows: Row[] = [
    [
      'briefing build (store → Briefing, warm)',
      `p50/p99: 1k ${fmt(get(c.briefingBuild, 'sizes.1k.p50Ms'))}/${fmt(get(c.briefingBuild, 'sizes.1k.p99Ms'))} ms · 10k ${fmt(get(c.briefingBuild, 'sizes.10k.p50Ms'))}/${fmt(get(c.briefingBuild, 'sizes.10k.p99Ms'))} ms · 100k ${fmt(get(c.briefingBuild, 'sizes.100k.p50Ms'))}/${fmt(get(c.briefingBuild, 'sizes.100k.p99Ms'))} ms; p99 100k/1k = ${fmt(get(c.briefingBuild, 'p99RatioHundredKToOneK'))}×`,
      'p99 ≤ 20 ms at 100k and ≤ 2× the 1k figure',
      status(c.briefingBuild),
    ],
    ['bulk import (`sitrep import`, 100k JSONL records)', `${fmt(get(c.bulkImport, 'recordsPerSecond'))} records/s (median of 3; ${fmt(get(c.bulkImport, 'seconds'))} s)`, '≥ 20,000 records/s', status(c.bulkImport)],
    [
      'ingestion',
      `${fmt(get(c.ingestion, 'articlesPerSecond'))} articles/s with analysis in ${fmt(get(c.ingestion, 'workers'))} worker threads (text, steady state; median of rounds ${fmt((get(c.ingestion, 'articlesPerSecondRounds') as unknown[] | undefined)?.join(', '))}); in one thread ${fmt(get(c.ingestion, 'articlesPerSecondOneThread'))} (rounds ${fmt((get(c.ingestion, 'articlesPerSecondOneThreadRounds') as unknown[] | undefined)?.join(', '))}), ${fmt(get(c.ingestion, 'articlesPerSecondWithHtmlExtraction'))}/s (HTML); merge mean ${fmt(get(c.ingestion, 'mergeMsPerArticle.at1k.mean'))} ms at 1k vs ${fmt(get(c.ingestion, 'mergeMsPerArticle.at100k.mean'))} ms at 100k (${fmt(get(c.ingestion, 'mergeMeanRatioHundredKToOneK'))}×); per article ${fmt(get(c.ingestion, 'msPerArticle.whole'))} ms = analysis ${fmt(get(c.ingestion, 'msPerArticle.analysis'))} (finding names ${fmt(get(c.ingestion, 'msPerArticle.ofWhichNameTagging'))}) + placement and store write ${fmt(get(c.ingestion, 'msPerArticle.placementAndWrite'))}`,
      '≥ 300 articles/s (`sitrep ingest` of many inputs, on the machine’s cores); merge cost flat 1k → 100k',
      status(c.ingestion),
    ],
    [
      'slash command ack (signed `/sitrep brief`, 50 conns, 10 s)',
      `sitrep p50/p99 ${fmt(get(c.slashCommand, 'real.p50Ms'))}/${fmt(get(c.slashCommand, 'real.p99Ms'))} ms vs bare Bolt ${fmt(get(c.slashCommand, 'bareBolt.p50Ms'))}/${fmt(get(c.slashCommand, 'bareBolt.p99Ms'))} ms (p99 ${fmt(get(c.slashCommand, 'p99Ratio'))}×); at ~100 req/s (autocannon overallRate, released per 1-s window): p99 ${fmt(get(c.slashCommand, 'real.atFixedRate.p99Ms'))} vs ${fmt(get(c.slashCommand, 'bareBolt.atFixedRate.p99Ms'))} ms; every request from a new channel (no answer reusable, each computed after its ack): p99 ${fmt(get(c.slashCommand, 'real.allDistinct.p99Ms'))} vs ${fmt(get(c.slashCommand, 'bareBolt.allDistinct.p99Ms'))} ms; errors (incl. timeouts) + non-2xx: ${fmt(Number(get(c.slashCommand, 'real.errors') ?? 0) + Number(get(c.slashCommand, 'real.non2xx') ?? 0) + Number(get(c.slashCommand, 'real.allDistinct.errors') ?? 0))}`,
      'p99 ≤ 1.2× bare Bolt; zero errors',
      status(c.slashCommand),
    ],
    [
      'fan-out (1,000 due subscriptions, 5% 500s)',
      `${fmt(get(c.fanOut, 'seconds'))} s vs bound ${fmt(get(c.fanOut, 'boundSeconds'))} s (${fmt(get(c.fanOut, 'ratioToBound'))}×); channels without exactly one message: ${fmt(get(c.fanOut, 'channelsNotExactlyOne'))}`,
      '≤ 1.1× the rate-limit bound; one message per channel',
      status(c.fanOut),
    ],
    [
      'fan-out on PostgreSQL, 3 replicas vs 1 (1,000 due, 5% 500s, `sitrep start` processes)',
      `half Slack, half Discord: ${fmt(get(c.fanOutReplicas, 'mixed.three.spanSeconds'))} s vs ${fmt(get(c.fanOutReplicas, 'mixed.one.spanSeconds'))} s (${fmt(get(c.fanOutReplicas, 'mixed.ratioThreeToOne'))}×; bound ${fmt(get(c.fanOutReplicas, 'mixed.boundSeconds'))} s); Slack only, 150 ms round trips: ${fmt(get(c.fanOutReplicas, 'slackOnly.three.spanSeconds'))} s vs ${fmt(get(c.fanOutReplicas, 'slackOnly.one.spanSeconds'))} s (${fmt(get(c.fanOutReplicas, 'slackOnly.ratioThreeToOne'))}×); posts per replica ${fmt((get(c.fanOutReplicas, 'slackOnly.three.perReplica') as unknown[] | undefined)?.join(' / '))}; channels without exactly one message: ${fmt(Number(get(c.fanOutReplicas, 'mixed.one.channelsNotExactlyOne') ?? 0) + Number(get(c.fanOutReplicas, 'mixed.three.channelsNotExactlyOne') ?? 0) + Number(get(c.fanOutReplicas, 'slackOnly.one.channelsNotExactlyOne') ?? 0) + Number(get(c.fanOutReplicas, 'slackOnly.three.channelsNotExactlyOne') ?? 0))}`,
      'exactly once; 3 replicas ≤ 1.15× one where the shared limit binds, faster where it does not',
      status(c.fanOutReplicas),
    ],
    [
      'memory (idle bot; 100k events, 100 briefings)',
      `idle bot (Slack + Discord over HTTP against the fakes, as npm start runs it) ${fmt(get(c.memory, 'idleBot.restartedRssMB'))} MB (first start on a new database ${fmt(get(c.memory, 'idleBot.firstStartRssMB'))} MB; with a Europe/Kyiv subscription ${fmt(get(c.memory, 'idleBot.withKyivSubscriptionRssMB'))} MB); 100k events + 100 briefings: RSS ${fmt(get(c.memory, 'rssMB'))} MB (a restarted process on the same store: ${fmt(get(c.memory, 'serve.rssMB'))} MB)`,
      'idle bot ≤ 80 MB; ≤ 150 MB with 100k events',
      status(c.memory),
    ],
    [
      'start-up (`sitrep questions`, `sitrep brief`, whole process, median of 10)',
      `node -e 0: ${fmt(get(c.startup, 'nodeE0.wallMs'))} ms, ${fmt(get(c.startup, 'nodeE0.peakRssMB'))} MB peak · questions: ${fmt(get(c.startup, 'questions.wallMs'))} ms (${fmt(get(c.startup, 'questions.wallRatio'))}×), ${fmt(get(c.startup, 'questions.peakRssMB'))} MB (${fmt(get(c.startup, 'questions.peakRssRatio'))}×) · brief: ${fmt(get(c.startup, 'brief.wallMs'))} ms (${fmt(get(c.startup, 'brief.wallRatio'))}×), ${fmt(get(c.startup, 'brief.peakRssMB'))} MB (${fmt(get(c.startup, 'brief.peakRssRatio'))}×); CPU time brief/node: ${fmt(get(c.startup, 'brief.cpuRatio'))}×`,
      '`sitrep brief` ≤ 4× `node -e 0` wall time, ≤ 2× its peak RSS',
      status(c.startup),
    ],
    [
      'briefing page (store → full briefing → HTML, warm)',
      `p50/p99 (CPU per page): bundled story ${fmt(get(c.page, 'windows.bundled24h.p50Ms'))}/${fmt(get(c.page, 'windows.bundled24h.p99Ms'))} ms (${fmt(get(c.page, 'windows.bundled24h.cpuMsMean'))} ms; ${fmt(get(c.page, 'windows.bundled24h.kilobytes'))} KB) · 100k, 24 h ${fmt(get(c.page, 'windows.at100k24h.p50Ms'))}/${fmt(get(c.page, 'windows.at100k24h.p99Ms'))} ms (${fmt(get(c.page, 'windows.at100k24h.cpuMsMean'))} ms; ${fmt(get(c.page, 'windows.at100k24h.kilobytes'))} KB) · 100k, 7 days ${fmt(get(c.page, 'windows.at100k7d.p50Ms'))}/${fmt(get(c.page, 'windows.at100k7d.p99Ms'))} ms (${fmt(get(c.page, 'windows.at100k7d.cpuMsMean'))} ms; ${fmt(get(c.page, 'windows.at100k7d.kilobytes'))} KB)`,
      'p99 ≤ 250 ms for a 7-day page at 100k',
      status(c.page),
    ],
  ];
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '## Benchmarks',
    '',
    'Run them with:',
    '',
    '```sh',
    'npm run bench            # all nine cases (< 15 min on 2 cores); `npm run bench -- memory startup` runs a subset',
    '```',
    '',
    'The script generates its own deterministic data (seeded), runs each case in a Node process of its own, prints one JSON object and',
    'writes it to `bench/results.json`. Comparisons are ratios measured side by side in the same run.',
    '',
    `Latest figures (${r.generatedAt.slice(0, 10)}, Node ${r.node}, ${r.cpus} × ${r.cpuModel}, ${r.memoryGB} GB; whole run ${r.totalSeconds} s; 1-min load average ${r.loadAverage.before} → ${r.loadAverage.after}):`,
    '',
    '| case | measured | target | |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.map(esc).join(' | ')} |`),
    '',
    'Notes: the briefing window holds the same amount of news at every size (constant 24 events/day), so growth with',
    'size would mean scanning what is not needed. The fan-out bound is 500 Discord posts at the 50 requests/s global',
    'limit; the Slack half (1 post per channel) fits inside it. The 100k-event memory figure is measured in a fresh child process',
    'after a forced GC; the idle bot is `npm start`\'s command line, read from /proc 5 s after /readyz. Start-up runs the installed',
    'bin as a whole process under GNU time (`/usr/bin/time -f %M`, the kernel\'s peak RSS of the child; Debian package `time`),',
    'with `node -e 0` measured the same way in the same, interleaved rounds.',
    'The replica case times first to last accepted post; its replicas start together (they come up while the bench holds',
    'the subscriptions table, then all begin at once) on a throwaway PostgreSQL cluster (or DATABASE_URL). Where Discord’s',
    'global limit binds, it holds for all replicas together, so three can only match one; with Slack alone they divide the work.',
    '',
  ].join('\n');
}
