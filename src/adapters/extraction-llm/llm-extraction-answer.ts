import type { EntityType } from '../../domain/entity.js';
import { InvalidInputError } from '../../domain/errors.js';
import { type RelationLabel, relationLabelOf } from '../../domain/relation-type.js';

/** An entity as the model named it, before it is located in the text. */
export interface NamedEntity {
  readonly text: string;
  readonly type: EntityType;
  readonly confidence: number | undefined;
}

/** A relation between two entity names, as the model gave it. */
export interface NamedRelation {
  readonly source: string;
  readonly target: string;
  readonly type: RelationLabel;
  readonly confidence: number | undefined;
}

export interface ExtractionAnswer {
  readonly entities: readonly NamedEntity[];
  readonly relations: readonly NamedRelation[];
}

const TYPE_ALIASES: Readonly<Record<string, EntityType>> = {
  PERSON: 'PERSON',
  PER: 'PERSON',
  PEOPLE: 'PERSON',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
  COMPANY: 'ORG',
  LOCATION: 'LOCATION',
  LOC: 'LOCATION',
  GPE: 'LOCATION',
  PLACE: 'LOCATION',
  CITY: 'LOCATION',
  COUNTRY: 'LOCATION',
  DATE: 'DATE',
  TIME: 'TIME',
  MONEY: 'MONEY',
  PRODUCT: 'PRODUCT',
  EVENT: 'EVENT',
  MISC: 'MISC',
};

type Row = Readonly<Record<string, unknown>>;

/**
 * Checks the model's parsed JSON: an object with an `entities` array (and optionally
 * `relations`). Items with unknown types or missing names are dropped, not fatal.
 * Throws InvalidInputError when the shape itself is wrong.
 */
export function readExtractionAnswer(value: unknown): ExtractionAnswer {
  if (!isRow(value)) throw new InvalidInputError('extraction answer is not an object');
  const entities = value['entities'];
  const relations = value['relations'] ?? value['relationships'] ?? [];
  if (!Array.isArray(entities)) throw new InvalidInputError('extraction answer has no entities');
  if (!Array.isArray(relations)) throw new InvalidInputError('extraction relations not a list');
  return {
    entities: entities.filter(isRow).flatMap((row) => namedEntity(row) ?? []),
    relations: relations.filter(isRow).flatMap((row) => namedRelation(row) ?? []),
  };
}

function namedEntity(row: Row): NamedEntity | undefined {
  const text = firstString(row, ['text', 'name', 'entity'])?.trim();
  const label = firstString(row, ['type', 'label'])?.trim().toUpperCase();
  const type = label === undefined ? undefined : TYPE_ALIASES[label];
  if (!text || !type) return undefined;
  return { text, type, confidence: unitNumber(row['confidence']) };
}

function namedRelation(row: Row): NamedRelation | undefined {
  const source = firstString(row, ['source', 'subject', 'head'])?.trim();
  const target = firstString(row, ['target', 'object', 'tail'])?.trim();
  const type = relationLabelOf(firstString(row, ['type', 'relation', 'label']) ?? '');
  if (!source || !target || !type) return undefined;
  return { source, target, type, confidence: unitNumber(row['confidence']) };
}

function firstString(row: Row, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = row[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function unitNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && number >= 0 && number <= 1 ? number : undefined;
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
