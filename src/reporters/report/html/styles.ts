/** The inline stylesheet of report.html (no network: nothing is fetched). */
import type { RowKind } from './view.js';

/** One colour per row kind; a new divergence kind breaks the build until it has one. */
export const KIND_COLOURS: Record<RowKind, string> = {
  shape: '#c2185b',
  status: '#d84315',
  transport: '#6a1b9a',
  value: '#b26a00',
  header: '#1565c0',
  accepted: '#2e7d32',
  error: '#6a1b9a',
  expectation: '#5d4037',
  fixed: '#2e7d32',
  skipped: '#8c959f',
};

const kindRules = Object.entries(KIND_COLOURS)
  .map(([kind, colour]) => `.k-${kind}{--k:${colour}}`)
  .join('\n');

export const STYLES = `
:root{--bg:#f6f8fa;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#fff;--del:#ffebe9;--add:#dafbe1;--chg:#fff8c5;--mov:#ddf4ff;--k:#59636e}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#24292f;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:20px;font-weight:600}
header .meta{color:#c9d1d9;font-size:12.5px;word-break:break-all}
main{max-width:1280px;margin:0 auto;padding:20px 28px 60px}
h2{font-size:16px;margin:26px 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--k);border-radius:8px;padding:10px 14px;min-width:118px}
button.card{font:inherit;text-align:left;cursor:pointer;color:inherit}
button.card:hover{box-shadow:0 1px 4px rgba(0,0,0,.12)}
button.card[aria-pressed=true]{outline:2px solid var(--k)}
.card .value{font-size:22px;font-weight:650}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.03em}
table{border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden;width:100%}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#f0f3f6;font-weight:600;font-size:12.5px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.note{color:var(--muted);font-size:13px}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:10px}
.filters select,.filters input{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:#fff}
.filters input{min-width:220px}
details.row{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--k);border-radius:8px;margin:6px 0}
details.row>summary{cursor:pointer;padding:8px 12px;display:flex;flex-wrap:wrap;gap:8px;align-items:baseline;list-style:none}
details.row>summary::-webkit-details-marker{display:none}
details.row>summary::before{content:"▸";color:var(--muted)}
details.row[open]>summary::before{content:"▾"}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;background:var(--k)}
.badge.soft{background:#eaeef2;color:var(--fg);font-weight:500}
.badge.new{background:#cf222e;color:#fff}.badge.persisting{background:#9a6700;color:#fff}.badge.fixed{background:#1a7f37;color:#fff}.badge.not-compared{background:#6e7781;color:#fff}
.case{font-weight:600;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px}
.endpoint,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px}
.sum{color:var(--muted);flex-basis:100%;padding-left:18px}
.body{padding:4px 16px 16px;border-top:1px solid var(--line)}
.body h3{font-size:13px;margin:14px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.explanation{white-space:pre-wrap;margin:8px 0}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.side{border:1px solid var(--line);border-radius:6px;overflow:auto;max-height:520px;background:#fff}
.side .head{position:sticky;top:0;background:#f0f3f6;padding:4px 10px;font-weight:600;font-size:12.5px;border-bottom:1px solid var(--line)}
.lines{margin:0;padding:4px 0;font:12.5px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace}
.lines div{white-space:pre;padding:0 10px;min-height:1.5em}
.lines .del,.changes .del{background:var(--del)}.lines .add,.changes .add{background:var(--add)}
.lines .chg{background:var(--chg)}.lines .mov,.changes .mov{background:var(--mov)}
pre.block{margin:0;padding:8px 10px;background:#f6f8fa;border:1px solid var(--line);border-radius:6px;overflow:auto;font:12.5px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap;word-break:break-all}
.changes div{white-space:pre-wrap;padding:0 6px}
.empty{padding:30px;text-align:center;color:var(--muted);background:var(--card);border:1px dashed var(--line);border-radius:8px}
[hidden]{display:none!important}
.banner{background:#fff8c5;border:1px solid #d4a72c;border-radius:8px;padding:10px 14px;margin:6px 0 14px}
.banner details{margin-top:6px}.banner summary{cursor:pointer;color:var(--muted)}
.headline{font-size:15px;font-weight:600;margin:6px 0 10px}
details.cause{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--k);border-radius:8px;margin:6px 0}
details.cause>summary{cursor:pointer;padding:8px 12px;display:flex;flex-wrap:wrap;gap:8px;align-items:baseline;list-style:none}
details.cause>summary::-webkit-details-marker{display:none}
.s-open{--k:#cf222e}.s-awaiting{--k:#bf8700}.s-accepted,.s-wontfix{--k:#2e7d32}.s-resolved{--k:#59636e}
.cause .next{flex-basis:100%;padding-left:4px;color:var(--muted);font-size:13px}
.cause button{font:inherit;font-size:12px;padding:2px 8px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
figure.chart-box{margin:0 0 10px}
svg.chart{display:block;max-width:100%;height:auto;background:var(--card);border:1px solid var(--line);border-radius:8px;font-family:system-ui,sans-serif}
${kindRules}
`;
