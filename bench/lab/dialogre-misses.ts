/**
 * Prints DialogRE dev gold pairs of the personal labels we do not find, with the form of their
 * trigger and the turns that use it, for reading misses by hand (never for tuning single ones).
 *
 *   npx tsx bench/lab/dialogre-misses.ts [label ...] [--found] [--speaker-names] [--wrong]
 */
import { RulesEntityExtractor } from '../../src/adapters/extraction/rules-entity-extractor.js';
import { type DialogreDialogue, loadJson, resolveDataFile } from '../support/conll.js';
import { triggerForm } from '../support/dialogre-reach.js';
import { scoreDialogre } from '../support/dialogre-scores.js';

const print = (line: string) => process.stdout.write(`${line}\n`);
const args = process.argv.slice(2);
const showFound = args.includes('--found');
const speakerNames = args.includes('--speaker-names');
const labels = args.filter((arg) => !arg.startsWith('--'));
const file = resolveDataFile(undefined, 're/dialogre_dev.json');
if (!file) throw new Error('re/dialogre_dev.json not found under ../shared/data');
const dialogues = await loadJson<DialogreDialogue[]>(file);
const rules = new RulesEntityExtractor();
await rules.init();
scoreDialogre(dialogues, rules, {
  speakerNames,
  addressee: 'previous',
  onGold: (turns, pair, found) => {
    if (found !== showFound || (labels.length > 0 && !labels.includes(pair.label))) return;
    const form = triggerForm(turns, pair);
    print(`## ${pair.label}: ${pair.x} → ${pair.y} [${form}] trigger "${pair.trigger}"`);
    if (pair.trigger === '') return;
    const word = pair.trigger.toLowerCase();
    for (const turn of turns)
      if (turn.toLowerCase().includes(word)) print(`    ${turn.slice(0, 240)}`);
  },
  onEdge: (_turns, edge, correct) => {
    if (!correct && args.includes('--wrong')) print(`!! unconfirmed edge ${edge}`);
  },
});
