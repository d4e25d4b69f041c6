/** Credentials of the benchmark's local Slack app (the fake API accepts anything; these are not real). */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BENCH_BOT_TOKEN = 'xoxb-bench-0000-token';
