/// <reference lib="dom" />
/**
 * A chart's shape tree (`charts.ts`) as inline SVG: elements made with
 * `createElementNS`, attributes with `setAttribute`, words with
 * `textContent`, so no string of the report is ever parsed as markup.
 */
import type { Shape } from './charts.js';

const SVG = 'http://www.w3.org/2000/svg';

export function svgOf(shape: Shape): SVGElement {
  const node = document.createElementNS(SVG, shape.tag);
  for (const [name, value] of Object.entries(shape.attrs)) node.setAttribute(name, value);
  if (shape.text !== undefined) node.textContent = shape.text;
  for (const kid of shape.kids ?? []) node.append(svgOf(kid));
  return node;
}
