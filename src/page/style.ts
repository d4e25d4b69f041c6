import { createHash } from 'node:crypto';

/**
 * The page's only stylesheet, inlined in one <style> element and allowed by its hash in the Content-Security-Policy
 * (no 'unsafe-inline'): the page needs no request to look right, and no injected style could apply. Colours are
 * custom properties with a dark set under prefers-color-scheme; status colours come with a texture and a shape,
 * never alone. Text colours meet WCAG AA contrast on their backgrounds in both schemes.
 */
export const PAGE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--link:#0a58ca;--rule:#d0d7de;--card:#f6f8fa;--focus:#0a58ca;
--bg-open:#dfe6ee;--fg-open:#5a6b7d;--bg-moved:#ffe08a;--fg-moved:#9a6700;--bg-resolved:#c6ecd2;--fg-resolved:#1a7f37;
--bg-contested:#f9d2d2;--fg-contested:#cf222e;--bg-none:#f2f4f6;--fg-none:#c2c9d1;--win:#1b1f24}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--link:#79b8ff;--rule:#30363d;--card:#161b22;--focus:#79b8ff;
--bg-open:#2b3846;--fg-open:#9fb3c8;--bg-moved:#4d3a00;--fg-moved:#e3b341;--bg-resolved:#1b4428;--fg-resolved:#56d364;
--bg-contested:#5c1f23;--fg-contested:#ff7b72;--bg-none:#161b22;--fg-none:#3d444d;--win:#e6edf3}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem 1rem;z-index:1}
header,main,footer{max-width:52rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem;border-bottom:1px solid var(--rule)}
.kicker{margin:0;color:var(--muted);font-size:.875rem;letter-spacing:.02em}
h1{font-size:1.75rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.35rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:0 0 .35rem}
.meta,.notice,footer{color:var(--muted);font-size:.9rem}
.lede{font-size:1.1rem;font-weight:600;margin:.75rem 0}
nav ul{list-style:none;padding:0;margin:.75rem 0 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
ul.events,ul.plain{list-style:none;padding:0;margin:0}
ul.events>li{margin:0 0 1rem;padding:.75rem 1rem;background:var(--card);border-radius:6px}
ul.facts{margin:.35rem 0 0;padding-left:1.25rem}
ul.facts li{margin:.2rem 0}
.src{color:var(--muted)}
.q{margin:1.25rem 0 2rem;padding:1rem;border:1px solid var(--rule);border-radius:6px}
.q h3{margin-top:0}
.question{margin:.25rem 0 .5rem;font-style:italic}
.status{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem;margin:.5rem 0}
.badge{display:inline-flex;align-items:center;gap:.35rem;padding:.05rem .55rem;border-radius:999px;font-weight:600;font-size:.9rem;color:var(--fg)}
.badge svg{flex:none}
.b-open{background:var(--bg-open)}.b-moved{background:var(--bg-moved)}.b-resolved{background:var(--bg-resolved)}.b-contested{background:var(--bg-contested)}
figure{margin:.75rem 0}
figcaption{color:var(--muted);font-size:.9rem;margin-top:.25rem}
svg.timeline{display:block;overflow:visible}
.bg-open{fill:var(--bg-open)}.bg-moved{fill:var(--bg-moved)}.bg-resolved{fill:var(--bg-resolved)}.bg-contested{fill:var(--bg-contested)}.bg-none{fill:var(--bg-none)}
.fg-moved{fill:var(--fg-moved);opacity:.45}.fg-resolved{fill:var(--fg-resolved);opacity:.6}
.st-contested{stroke:var(--fg-contested);stroke-width:1.2;opacity:.6}.st-none{stroke:var(--fg-none);stroke-width:1}
.win{fill:none;stroke:var(--win);stroke-width:1.5;stroke-dasharray:4 3}
.axis{stroke:var(--rule);stroke-width:1}
.tick{fill:var(--muted);font-size:12px}
.mk{stroke:var(--bg);stroke-width:1.5}
.mk-open{fill:var(--fg-open)}.mk-moved{fill:var(--fg-moved)}.mk-resolved{fill:var(--fg-resolved)}.mk-contested{fill:var(--fg-contested)}
svg a:focus{outline:none}
svg a:focus-visible .mk,svg a:hover .mk{stroke:var(--focus);stroke-width:3}
ol.evidence{padding-left:1.75rem;margin:.5rem 0}
ol.evidence li{margin:.3rem 0;padding:.1rem .25rem;border-radius:4px}
ol.evidence li:target{outline:2px solid var(--focus)}
.legend{list-style:none;padding:0;margin:.5rem 0 1rem;display:flex;flex-wrap:wrap;gap:.35rem 1.25rem;font-size:.9rem}
.legend li{display:flex;align-items:center;gap:.4rem}
.swatch{flex:none;overflow:visible}
.unknowns{margin:.25rem 0 0;padding-left:1.25rem}
footer{border-top:1px solid var(--rule);margin-top:2.5rem;padding-top:1rem;padding-bottom:2rem}
@media (min-width:48rem){h1{font-size:2.1rem}header,main,footer{padding:0 1.5rem}header{padding-top:2rem}}
`;

/** `'sha256-…'` of {@link PAGE_CSS}, for the Content-Security-Policy's style-src. */
export const PAGE_CSS_HASH = `'sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}'`;

/**
 * The policy of every briefing page: nothing loads but the hashed stylesheet (no script at all, no images, fonts,
 * frames or connections), the page can't be framed, and forms and <base> can't redirect anything.
 * `frameAncestors` is false for the <meta> copy, where browsers ignore (and warn about) that directive.
 */
export function pageCsp(frameAncestors = true): string {
  return [`default-src 'none'`, `style-src ${PAGE_CSS_HASH}`, `base-uri 'none'`, `form-action 'none'`, ...(frameAncestors ? [`frame-ancestors 'none'`] : [])].join('; ');
}
