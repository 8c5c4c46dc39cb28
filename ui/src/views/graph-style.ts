import type { StylesheetJson } from 'cytoscape';

/** Node colours by entity type (the legend and the chips use the same ones, in styles.css). */
export const TYPE_COLOURS: Readonly<Record<string, string>> = {
  PERSON: '#2ec4b6',
  ORG: '#e09f3e',
  LOCATION: '#4f8fdb',
  EVENT: '#9b72cf',
  PRODUCT: '#d1495b',
  DATE: '#8d99ae',
  TIME: '#8d99ae',
  MONEY: '#6aa84f',
  MISC: '#7d8597',
};

/**
 * The graph's look: nodes coloured by type and sized by mentions, current edges solid, closed
 * ones dashed. Large graphs (`large`) draw haystack edges (straight, no arrows, cytoscape's
 * cheapest) without labels: bezier bundling, arrows and thousands of labels dominate the first
 * paint, and the panel names every relationship and its direction anyway.
 */
export function graphStyle(maxMentions: number, large: boolean): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': '#7d8597',
        label: 'data(label)',
        color: '#14213d',
        'font-size': 11,
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#f7f5f0',
        'text-outline-width': 2,
        width: `mapData(mentions, 0, ${Math.max(1, maxMentions)}, 14, 44)`,
        height: `mapData(mentions, 0, ${Math.max(1, maxMentions)}, 14, 44)`,
        'border-width': 1.5,
        'border-color': '#14213d',
      },
    },
    ...Object.entries(TYPE_COLOURS).map(([type, colour]) => ({
      selector: `node[type = "${type}"]`,
      style: { 'background-color': colour },
    })),
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#ff6b35', 'z-index': 10 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#5c677d',
        'target-arrow-color': '#5c677d',
        'target-arrow-shape': large ? 'none' : 'triangle',
        'arrow-scale': 0.8,
        'curve-style': large ? 'haystack' : 'bezier',
        label: large ? '' : 'data(label)',
        'font-size': 9,
        'min-zoomed-font-size': 9,
        color: '#33415c',
        'text-rotation': 'autorotate',
        'text-background-color': '#f7f5f0',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
      },
    },
    {
      selector: 'edge.closed',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], opacity: 0.6 },
    },
    {
      selector: 'edge:selected',
      style: { label: 'data(label)', width: 3, 'line-color': '#ff6b35' },
    },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
