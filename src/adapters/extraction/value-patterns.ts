import type { EntityType } from '../../domain/entity.js';

/** A DATE, TIME or MONEY expression found by pattern, with its span (`end` exclusive). */
export interface ValueMatch {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const ORDINAL_DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const RELATIVE = '(?:last|next|this|coming|past)';
const UNIT = '(?:week|month|year|weekend|summer|winter|spring|fall|autumn|decade|century)';
const AMOUNT = '\\d+(?:[.,]\\d+)*(?:\\s?(?:million|billion|trillion|thousand|k|m|bn))?';
const CURRENCY_WORD =
  '(?:dollars?|bucks|euros?|pounds?|cents|yen|yuan|rupees?|francs?|usd|eur|gbp)';

interface Rule {
  readonly type: EntityType;
  readonly pattern: RegExp;
  readonly confidence: number;
}

// Case-insensitive, word-bounded; `May` alone is left out (modal verb), a month needs a day/year.
const RULES: readonly Rule[] = [
  {
    type: 'MONEY',
    pattern: new RegExp(`(?:[$€£¥]\\s?${AMOUNT}|${AMOUNT}\\s?${CURRENCY_WORD}\\b)`, 'giu'),
    confidence: 0.9,
  },
  {
    type: 'TIME',
    pattern:
      /\b(?:\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d{2}\b|noon\b|midnight\b|tonight\b|(?:this|tomorrow|yesterday|every)\s(?:morning|afternoon|evening|night)\b)/giu,
    confidence: 0.85,
  },
  {
    type: 'DATE',
    pattern: new RegExp(
      [
        `\\b${MONTH}\\.?\\s${ORDINAL_DAY}(?:,?\\s${YEAR})?\\b`,
        `\\b${ORDINAL_DAY}\\s(?:of\\s)?${MONTH}\\b(?:,?\\s${YEAR}\\b)?`,
        `\\b${MONTH}\\.?,?\\s${YEAR}\\b`,
        `\\b(?:january|february|march|april|june|july|august|september|october|november|december)\\b`,
        `\\b${YEAR}-\\d{2}-\\d{2}\\b`,
        `\\b\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b`,
        `\\b(?:(?:last|next|this)\\s)?${WEEKDAY}s?\\b`,
        `\\b(?:today|tomorrow|yesterday)\\b`,
        `\\b${RELATIVE}\\s${UNIT}\\b`,
        `\\b\\d+\\s${UNIT}s?\\sago\\b`,
        `\\b(?<=(?:in|since|of|from|until|by)\\s)${YEAR}\\b`,
      ].join('|'),
      'giu',
    ),
    confidence: 0.85,
  },
];

/** Finds DATE, TIME and MONEY expressions; overlapping matches keep the earliest, longest one. */
export function findValues(text: string): ValueMatch[] {
  const found: ValueMatch[] = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const raw = match[0].replace(/[\s,]+$/u, '');
      if (raw.length === 0) continue;
      found.push({
        type: rule.type,
        start: match.index,
        end: match.index + raw.length,
        confidence: rule.confidence,
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ValueMatch[] = [];
  for (const value of found) {
    const last = kept[kept.length - 1];
    if (!last || value.start >= last.end) kept.push(value);
  }
  return kept;
}
