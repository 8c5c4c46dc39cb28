import { isType, type RelationScan, retype } from './relation-scan.js';
import type { VerbPattern } from './verb-patterns.js';

// Relations whose object is always a person ("I'm dating Sofia", not the city).
const PEOPLE_ONLY: ReadonlySet<string> = new Set([
  'partner_of',
  'spouse_of',
  'engaged_to',
  'reports_to',
  'friend_of',
]);

/**
 * Settles the type of a verb's object by the verb: "I live in Cambridge" (a place, though a list
 * says university), "I work at Intelligentsia" (an employer, though it looks like a country), "I'm
 * dating Sofia" (a person, not the city).
 */
export function settleObjectType(scan: RelationScan, node: number, pattern: VerbPattern): void {
  if (pattern.targets.includes('LOCATION')) placeByContext(scan, node);
  else if (pattern.type === 'works_for') organisationByContext(scan, node);
  else if (PEOPLE_ONLY.has(pattern.type) && isType(scan, node, ['LOCATION', 'ORG', 'MISC']))
    retype(scan, node, 'PERSON');
}

/** "I live in Cambridge": after a verb of place, a name the place list knows is the place. */
export function placeByContext(scan: RelationScan, index: number): void {
  const node = scan.nodes[index];
  if (!node || node.type === 'LOCATION' || node.speaker !== undefined || node.relative) return;
  const start = scan.tokens[node.firstToken]?.start ?? 0;
  const name = scan.text.slice(start, scan.tokens[node.lastToken]?.end ?? start).toLowerCase();
  if (scan.gazetteer.places.has(name) || scan.gazetteer.countries.has(name))
    retype(scan, index, 'LOCATION');
}

/** "I work at Intelligentsia": after a verb of work, a name no place list knows is an employer. */
function organisationByContext(scan: RelationScan, index: number): void {
  const node = scan.nodes[index];
  if (node?.type !== 'LOCATION' || node.confidence > 0.8) return;
  const start = scan.tokens[node.firstToken]?.start ?? 0;
  const name = scan.text.slice(start, scan.tokens[node.lastToken]?.end ?? start).toLowerCase();
  if (!scan.gazetteer.places.has(name) && !scan.gazetteer.countries.has(name))
    retype(scan, index, 'ORG');
}
