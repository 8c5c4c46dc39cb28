import type { RelationMention } from '../../domain/extraction.js';
import { findAddressRelations } from './address-relation-patterns.js';
import { extendThroughRegions, findAppositiveRelations } from './appositive-relation-patterns.js';
import { findCoupleRelations } from './couple-relation-patterns.js';
import { findFamilyRelations } from './family-relation-patterns.js';
import type { Gazetteer } from './gazetteer.js';
import { findMoveRelations } from './home-relation-patterns.js';
import { findSpeakerNames } from './identity-relation-patterns.js';
import { findJobRelations } from './job-relation-patterns.js';
import { findLaterNames } from './naming-relation-patterns.js';
import { findNewsRelations } from './news-relation-patterns.js';
import { findNounRelations } from './noun-relation-patterns.js';
import { findPetRelations } from './pet-relation-patterns.js';
import { buildSentences, type GraphNode, kinshipEdge } from './relation-items.js';
import {
  createScan,
  isSpeakerNode,
  markGender,
  type RelationScan,
  type ScanContext,
} from './relation-scan.js';
import type { Token } from './tokenizer.js';
import { findVerbRelations, trackSubjects } from './verb-relation-patterns.js';

export type { GraphNode } from './relation-items.js';

const PARTNER_TYPES: ReadonlySet<string> = new Set(['partner_of', 'engaged_to', 'spouse_of']);

/** Finds catalogue relations; may append auxiliary nodes (speaker, relatives, MISC objects). */
export function findRelations(
  text: string,
  tokens: readonly Token[],
  inputNodes: readonly GraphNode[],
  gazetteer: Gazetteer,
  context: ScanContext = {},
): { nodes: GraphNode[]; relations: RelationMention[] } {
  const nodes = [...inputNodes];
  const sentences = buildSentences(
    text,
    tokens,
    nodes,
    gazetteer,
    context.speaker,
    context.earlierPeople,
  );
  const scan = createScan(text, tokens, nodes, gazetteer, context);
  findSpeakerNames(scan, sentences);
  for (const [index, items] of sentences.entries()) {
    scan.sentence = index;
    const subjects = trackSubjects(scan, items);
    findFamilyRelations(scan, items, subjects);
    findPetRelations(scan, items, subjects);
    findVerbRelations(scan, items, subjects);
    findMoveRelations(scan, items, subjects);
    findJobRelations(scan, items, subjects);
    findCoupleRelations(scan, items, subjects);
    findLaterNames(scan, items);
    findNewsRelations(scan, items);
    findAppositiveRelations(scan, items);
    findNounRelations(scan, items);
  }
  findAddressRelations(scan, sentences);
  extendThroughRegions(scan);
  addHouseholds(scan);
  addRelativeKinship(scan);
  return { nodes, relations: scan.relations };
}

/** "we live in Seattle, me and my girlfriend Jordan": where "we" live, the speaker's partner lives. */
function addHouseholds(scan: RelationScan): void {
  const partners = scan.relations
    .filter(
      (relation) =>
        PARTNER_TYPES.has(relation.type) &&
        !relation.ends &&
        isSpeakerNode(scan, relation.sourceIndex),
    )
    .map((relation) => relation.targetIndex)
    .filter((target) => !isSpeakerNode(scan, target));
  for (const relation of [...scan.relations]) {
    if (relation.type !== 'lives_in' || scan.nodes[relation.sourceIndex]?.plural !== true) continue;
    for (const partner of new Set(partners)) pushOnce(scan, { ...relation, sourceIndex: partner });
  }
}

/** "my sister lives in Boston": the relative the text leaves unnamed is still the owner's sister. */
function addRelativeKinship(scan: RelationScan): void {
  for (let index = 0; index < scan.relations.length; index += 1) {
    const relation = scan.relations[index];
    if (!relation) continue;
    for (const end of [relation.sourceIndex, relation.targetIndex]) {
      const relative = scan.nodes[end]?.relative;
      if (!relative) continue;
      const edge = kinshipEdge(relative.owner, end, relative.kinship);
      markGender(scan.nodes, end, relative.kinship);
      pushOnce(scan, {
        sourceIndex: edge.source,
        targetIndex: edge.target,
        type: edge.type,
        confidence: 0.8,
        sentence: relation.sentence,
      });
    }
  }
}

function pushOnce(scan: RelationScan, relation: RelationMention): void {
  const known = scan.relations.some(
    (other) =>
      other.sourceIndex === relation.sourceIndex &&
      other.targetIndex === relation.targetIndex &&
      other.type === relation.type &&
      other.ends === relation.ends,
  );
  if (!known && relation.sourceIndex !== relation.targetIndex) scan.relations.push(relation);
}
