// HTML legends (text stays in the page for screen readers and search; swatches are decorative).
// Swatches draw their hatch with plain lines: no ids, so no duplicates when charts share a page.
import { escapeHtml } from "../format/text";

export type Swatch =
  | { kind: "fill"; fill: string; stroke?: string }
  | { kind: "hatch"; background: string; ink: string }
  | { kind: "outline"; stroke: string }
  | { kind: "line"; stroke: string; width: number; dash?: string; dot?: "filled" | "hollow" };

export interface LegendItem {
  label: string;
  swatch: Swatch;
}

const HATCH_LINES = "M-1,5L5,-1M-1,10L10,-1M-1,15L15,-1M4,15L15,4M9,15L15,9";

function swatchSvg(s: Swatch): string {
  const open = (w: number) => `<svg aria-hidden="true" focusable="false" width="${w}" height="14" viewBox="0 0 ${w} 14">`;
  switch (s.kind) {
    case "fill":
      return `${open(14)}<rect x="0.5" y="0.5" width="13" height="13" fill="${s.fill}" stroke="${s.stroke ?? s.fill}"/></svg>`;
    case "hatch":
      return `${open(14)}<rect x="0.5" y="0.5" width="13" height="13" fill="${s.background}" stroke="${s.ink}"/><path d="${HATCH_LINES}" stroke="${s.ink}" stroke-width="1.4"/></svg>`;
    case "outline":
      return `${open(14)}<rect x="1" y="1" width="12" height="12" fill="none" stroke="${s.stroke}" stroke-width="1.5"/></svg>`;
    case "line": {
      const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
      const dot = s.dot ? `<circle cx="14" cy="7" r="3" fill="${s.dot === "filled" ? s.stroke : "#FFFFFF"}" stroke="${s.stroke}" stroke-width="1.5"/>` : "";
      return `${open(28)}<path d="M1,7H27" stroke="${s.stroke}" stroke-width="${s.width}"${dash}/>${dot}</svg>`;
    }
  }
}

export function legendHtml(items: LegendItem[]): string {
  const spans = items.map((i) => `<span class="pt-legend-item">${swatchSvg(i.swatch)}${escapeHtml(i.label)}</span>`);
  return `<div class="pt-legend">${spans.join("")}</div>`;
}
