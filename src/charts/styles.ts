// The CSS of every chart, to put once in the page's <head>: Plot's own rules (removed from each SVG)
// and those of the HTML legends, key figure cards and data tables.
import { plotStyles } from "./dom";
import { HIGHLIGHT, MUTED_INK } from "./theme";

const OWN_CSS = `
.pt-chart{margin:0}
.pt-legend{display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:12px;line-height:1.3;margin:0 0 .4rem}
.pt-legend-item{display:inline-flex;align-items:center;gap:.35rem}
.pt-legend-item svg{flex:none}
.pt-chart--donut{display:flex;flex-direction:row-reverse;justify-content:flex-end;align-items:center;gap:1rem}
.pt-chart--donut .pt-legend{flex-direction:column;margin:0}
.pt-keyfigs{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.75rem}
.pt-keyfig{border-left:4px solid ${HIGHLIGHT};padding:.2rem .6rem}
.pt-keyfig p{margin:0}
.pt-keyfig-value{font-size:1.6rem;font-weight:700;color:${HIGHLIGHT};font-variant-numeric:tabular-nums}
.pt-keyfig-value--status{font-size:1rem;font-style:italic;color:${MUTED_INK}}
.pt-keyfig-label{font-weight:600}
.pt-keyfig-reason{font-size:.8rem;color:${MUTED_INK}}
.pt-keyfig-compare{margin:.2rem 0 0;padding-left:1rem;font-size:.85rem}
.pt-table{border-collapse:collapse;font-size:12px}
.pt-table caption{text-align:left;font-weight:600;padding-bottom:.2rem}
.pt-table th,.pt-table td{padding:2px 6px;border-bottom:1px solid #ccc;text-align:left}
.pt-table td{text-align:right;font-variant-numeric:tabular-nums}
`;

export function chartStyles(): string {
  return `${plotStyles()}\n${OWN_CSS.trim()}`;
}
