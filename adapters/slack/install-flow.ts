/**
 * The bot scopes an install asks for: the same list as manifest.json's `oauth_config.scopes.bot` (a test keeps
 * them equal). What each is for is in the README ("Slack setup").
 */
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'channels:history', 'groups:history', 'channels:read', 'groups:read', 'usergroups:read'] as const;

/** The page the browser lands on after a successful install. Every value in it is escaped. */
export function installedPage(info: { teamId?: string | undefined; teamName?: string | undefined; paused: number }): string {
  const where = info.teamName ? `the ${escapeHtml(info.teamName)} workspace` : 'your workspace';
  const open = info.teamId && /^[A-Z0-9]+$/.test(info.teamId) ? `<p><a href="https://app.slack.com/client/${info.teamId}">Open Slack</a></p>` : '';
  const paused =
    info.paused > 0
      ? `<p>${info.paused} scheduled briefing${info.paused === 1 ? ' is' : 's are'} still paused from before the app was removed. ` +
        'Nothing resumes on its own: run <code>/sitrep subscribe</code> again in each channel that should get its briefing ' +
        '(<code>/sitrep subscriptions</code> there shows what was paused and why).</p>'
      : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>sitrep installed</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body>
<h1>sitrep is installed</h1>
<p>sitrep is now in ${where}. Type <code>/sitrep</code> in any channel for the latest briefing, or
<code>/sitrep subscribe 07:00 Europe/Kyiv weekdays</code> for a morning briefing there.</p>
${paused}${open}
</body>
</html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
