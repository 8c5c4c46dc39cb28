import type { GoldListener, Pair } from './dialogre-scores.js';

/** How the dialogue says a labelled pair: the words before its trigger, or no trigger at all. */
export type TriggerForm =
  | 'my'
  | 'your'
  | 'his_her'
  | 'name_s'
  | 'called'
  | 'other'
  | 'inferred'
  | 'absent';

/** The forms in table order, with their column heads. */
export const TRIGGER_FORMS: ReadonlyArray<readonly [TriggerForm, string]> = [
  ['my', '"my/our T"'],
  ['your', '"your T"'],
  ['his_her', '"his/her/their T"'],
  ['name_s', '"X\'s T"'],
  ['called', 'kin word as a name ("Mom", "Dad")'],
  ['other', 'other ("the sister", "twins", "a brother")'],
  ['inferred', 'no trigger (world knowledge)'],
];

/** One label's gold pairs: how many the text can reach, how many we found, and the misses by form. */
export interface ReachRow {
  gold: number;
  reachable: number;
  found: number;
  foundReachable: number;
  betweenSpeakers: number;
  missed: Record<TriggerForm, number>;
}

const POSSESSIVE = /(?:'s|’s|s'|s’)$/u;

/** The form of the trigger's first use in the turns, preferring turns that say either argument. */
export function triggerForm(turns: readonly string[], pair: Pair): TriggerForm {
  if (pair.trigger === '') return 'inferred';
  const escaped = pair.trigger.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  // The trigger as a word start: "mother" is in "Ben's mothers" too.
  const pattern = new RegExp(`(?:^|[^\\p{L}])(${escaped})`, 'iu');
  const about = (turn: string) =>
    [pair.x, pair.y].some((name) => turn.toLowerCase().includes(name));
  const ordered = [...turns.filter(about), ...turns.filter((turn) => !about(turn))];
  for (const turn of ordered) {
    const text = turn.slice(turn.indexOf(':') + 1);
    const match = pattern.exec(text);
    if (!match || match[1] === undefined) continue;
    const before = text.slice(0, match.index + match[0].length - match[1].length).trimEnd();
    const previous = (/[\p{L}'’]+$/u.exec(before)?.[0] ?? '').toLowerCase();
    if (previous === 'my' || previous === 'our') return 'my';
    if (previous === 'your') return 'your';
    if (previous === 'his' || previous === 'her' || previous === 'their') return 'his_her';
    if (POSSESSIVE.test(previous)) return 'name_s';
    return /^\p{Lu}/u.test(match[1]) ? 'called' : 'other';
  }
  return 'absent';
}

function emptyRow(): ReachRow {
  const missed = Object.fromEntries(
    [...TRIGGER_FORMS.map(([form]) => form), 'absent'].map((form) => [form, 0]),
  ) as Record<TriggerForm, number>;
  return { gold: 0, reachable: 0, found: 0, foundReachable: 0, betweenSpeakers: 0, missed };
}

/** Collects reach rows per label for the labels given, as a listener for `scoreDialogre`. */
export function reachCounter(labels: readonly string[]): {
  listener: GoldListener;
  rows: Record<string, ReachRow>;
} {
  const rows: Record<string, ReachRow> = {};
  const listener: GoldListener = (turns, pair, found) => {
    if (!labels.includes(pair.label)) return;
    const row = rows[pair.label] ?? emptyRow();
    rows[pair.label] = row;
    const form = triggerForm(turns, pair);
    const reachable = form !== 'inferred' && form !== 'absent';
    row.gold += 1;
    row.reachable += reachable ? 1 : 0;
    row.found += found ? 1 : 0;
    row.foundReachable += found && reachable ? 1 : 0;
    row.betweenSpeakers += [pair.x, pair.y].every((name) => name.startsWith('speaker ')) ? 1 : 0;
    if (!found) row.missed[form] += 1;
  };
  return { listener, rows };
}

/** The markdown table of reach rows: the ceiling the text sets, and where the misses are. */
export function reachTable(
  rows: Readonly<Record<string, ReachRow>>,
  order: readonly string[],
): string[] {
  const heads = TRIGGER_FORMS.map(([, head]) => head);
  return [
    `| label | gold pairs | both speakers | trigger in the dialogue (reachable) | ceiling recall | found | found of reachable | missed: ${heads.join(' | ')} |`,
    `|---|---|---|---|---|---|---|${heads.map(() => '---').join('|')}|`,
    ...Object.entries(rows)
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([label, row]) => {
        const ceiling = row.gold === 0 ? 0 : Math.round((row.reachable / row.gold) * 1000) / 1000;
        const missed = TRIGGER_FORMS.map(([form]) => row.missed[form]);
        return `| ${label} | ${row.gold} | ${row.betweenSpeakers} | ${row.reachable} | ${ceiling} | ${row.found} | ${row.foundReachable} | ${missed.join(' | ')} |`;
      }),
  ];
}
