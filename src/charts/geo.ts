// Sizing and placing the maps' pre-projected planar geometry (y down) in a chart.
import { geoPath, geoTransform, type GeoPath, type GeoStreamWrapper } from "d3-geo";

export type Bounds = [[number, number], [number, number]];

/** The planar frame every geometry of a build lives in: [0, width] × [0, height]. */
export interface MapFrame {
  width: number;
  height: number;
}

export const frameBounds = (frame: MapFrame): Bounds => [
  [0, 0],
  [frame.width, frame.height],
];

/** A map's height for its width: the geometry's aspect ratio, within reason for a page layout. */
export function mapHeight(width: number, [[x0, y0], [x1, y1]]: Bounds): number {
  return Math.round(Math.min(width * 1.2, Math.max(160, (width * (y1 - y0)) / (x1 - x0 || 1))));
}

/** Where the frame lands in a chart: scaled by k, its corner at (x, y), centred within the margin. */
export interface FrameFit {
  k: number;
  x: number;
  y: number;
}

/** The frame fitted into width × height less the margin, as Plot fits a projection's domain. */
export function fitFrame(frame: MapFrame, width: number, height: number, margin: number): FrameFit {
  const [dx, dy] = [width - 2 * margin, height - 2 * margin];
  const k = Math.min(dx / (frame.width || 1), dy / (frame.height || 1));
  return { k, x: margin + (dx - k * frame.width) / 2, y: margin + (dy - k * frame.height) / 2 };
}

/** The fit as a projection for Plot: every map drawn in one frame lines up, whatever else it draws. */
export function fitProjection({ k, x, y }: FrameFit): GeoStreamWrapper {
  return geoTransform({
    point(px, py) {
      this.stream.point(px * k + x, py * k + y);
    },
  });
}

/** A path generator drawing geometry of these bounds fitted into width × height less the margin, as Plot's identity projection with a domain does. */
export function fittedPath([[x0, y0], [x1, y1]]: Bounds, width: number, height: number, margin: number): GeoPath {
  const fit = fitFrame({ width: x1 - x0, height: y1 - y0 }, width, height, margin);
  return geoPath(fitProjection({ k: fit.k, x: fit.x - fit.k * x0, y: fit.y - fit.k * y0 }));
}
