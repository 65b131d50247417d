import type { ScoredItem } from '../score/answer-item.js';

/** A labelled set of metric values (one system, mode or generator), each 0–1. */
export interface MetricGroup { label: string; metrics: Record<string, number> }

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const COLORS = ['#1f5fbf', '#d9822b', '#2e8b57', '#8e44ad'];

/** An inline SVG bar chart: one cluster per metric, one bar per group. No scripts, no network. */
function chart(groups: MetricGroup[]): string {
  const metrics = [...new Set(groups.flatMap((g) => Object.keys(g.metrics)))];
  const barWidth = 18;
  const cluster = groups.length * barWidth + 24;
  const width = Math.max(320, metrics.length * cluster + 40);
  const height = 220;
  const bars = metrics.flatMap((metric, i) => groups.map((group, j) => {
    const value = Math.max(0, Math.min(1, group.metrics[metric] ?? 0));
    const x = 30 + i * cluster + j * barWidth;
    const h = value * 150;
    return `<rect x="${x}" y="${170 - h}" width="${barWidth - 3}" height="${h}" fill="${COLORS[j % COLORS.length]}"><title>${escape(group.label)} · ${escape(metric)}: ${pct(value)}</title></rect>`;
  }));
  const labels = metrics.map((metric, i) => `<text x="${30 + i * cluster}" y="188" font-size="10" transform="rotate(20 ${30 + i * cluster} 188)">${escape(metric)}</text>`);
  const legend = groups.map((g, j) => `<text x="${30 + j * 140}" y="14" font-size="11" fill="${COLORS[j % COLORS.length]}">■ ${escape(g.label)}</text>`);
  return `<svg role="img" aria-label="Metrics chart" viewBox="0 0 ${width} ${height + 20}" width="${width}" height="${height + 20}"><line x1="26" y1="170" x2="${width}" y2="170" stroke="#999"/><line x1="26" y1="20" x2="${width}" y2="20" stroke="#eee"/><text x="0" y="24" font-size="9">100%</text>${bars.join('')}${labels.join('')}${legend.join('')}</svg>`;
}

function drillDown(item: ScoredItem): string {
  const quoteOf = (n: number) => item.citations.find((c) => c.n === n);
  const statements = item.statements.map((s) => {
    const cited = s.citations.map((n) => {
      const c = quoteOf(n);
      if (!c) return `<li>[${n}] <b class="bad">no such citation</b></li>`;
      const where = c.docId ? ` <small>${escape(c.docId)}${c.start === undefined ? '' : ` ${c.start}–${c.end}`}</small>` : '';
      const invalid = c.valid ? '' : ` <b class="bad">invalid: ${escape(c.reason ?? '')}</b>`;
      return `<li>[${n}] <mark>${escape(c.quote)}</mark>${where}${invalid}</li>`;
    }).join('');
    return `<div class="statement ${s.supported ? 'ok' : 'bad'}"><p>${s.supported ? '✔' : '✘'} ${escape(s.text)} <small>(${escape(s.reason)}, score ${s.score.toFixed(2)})</small></p>${cited ? `<ul>${cited}</ul>` : ''}</div>`;
  }).join('');
  const summary = `${escape(item.id)}${item.question ? ` — ${escape(item.question)}` : ''}: recall ${pct(item.citationRecall)}, precision ${pct(item.citationPrecision)}, faithfulness ${pct(item.faithfulness)}, validity ${pct(item.citationValidity)}`;
  return `<details><summary>${summary}</summary>${statements || '<p>No statements.</p>'}</details>`;
}

/** Renders one self-contained HTML file: summary table, chart, and a drill-down per question. */
export function renderHtmlReport(options: { title: string; generatedAt: Date; groups: MetricGroup[]; items: ScoredItem[]; notes?: string[] }): string {
  const metrics = [...new Set(options.groups.flatMap((g) => Object.keys(g.metrics)))];
  const rows = options.groups.map((g) => `<tr><th>${escape(g.label)}</th>${metrics.map((m) => `<td>${g.metrics[m] === undefined ? '–' : pct(g.metrics[m]!)}</td>`).join('')}</tr>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(options.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2430;max-width:1100px}table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:.3rem .6rem;text-align:right}th:first-child{text-align:left}details{border:1px solid #ddd;border-radius:6px;margin:.4rem 0;padding:.4rem .6rem}summary{cursor:pointer}.statement.ok p{color:#1e6b3a}.statement.bad p{color:#9b2c1f}mark{background:#ffe58a}.bad{color:#9b2c1f}small{color:#5a6474}</style>
</head><body>
<h1>${escape(options.title)}</h1>
<p>Generated ${escape(options.generatedAt.toISOString())}. Definitions: EVAL.md.</p>
${(options.notes ?? []).map((n) => `<p>${escape(n)}</p>`).join('')}
<h2>Summary</h2>
<table><thead><tr><th></th>${metrics.map((m) => `<th>${escape(m)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
<h2>Chart</h2>
${chart(options.groups)}
<h2>Per question</h2>
${options.items.map(drillDown).join('\n')}
</body></html>
`;
}
