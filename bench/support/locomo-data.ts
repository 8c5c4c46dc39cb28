import { existsSync, readFileSync } from 'node:fs';

export interface LocomoTurn {
  readonly conversation: string;
  readonly session: number;
  readonly diaId: string;
  readonly speaker: string;
  readonly text: string;
  readonly date: Date;
}

export interface LocomoQuestion {
  readonly conversation: string;
  readonly question: string;
  readonly category: number;
  readonly evidence: readonly string[];
}

interface RawTurn {
  speaker: string;
  dia_id: string;
  text: string;
  blip_caption?: string;
}

/** Parses "1:56 pm on 8 May, 2023". */
export function parseLocomoDate(value: string): Date {
  const match = /(\d+):(\d+)\s*(am|pm)\s+on\s+(\d+)\s+(\w+),?\s+(\d{4})/i.exec(value);
  if (!match) return new Date('2023-01-01T00:00:00Z');
  const [, h = '0', m = '0', ampm = 'am', day = '1', month = 'January', year = '2023'] = match;
  const hour = (Number(h) % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  return new Date(`${day} ${month} ${year} ${String(hour).padStart(2, '0')}:${m}:00 UTC`);
}

/** Loads LoCoMo turns (one memory each: `speaker: text` plus the image caption) and questions with repaired evidence. */
export function loadLocomo(
  file: string,
): { turns: LocomoTurn[]; questions: LocomoQuestion[] } | undefined {
  if (!existsSync(file)) return undefined;
  const samples = JSON.parse(readFileSync(file, 'utf8')) as Array<{
    sample_id: string;
    conversation: Record<string, unknown>;
    qa: Array<{ question: string; category: number; evidence: string[] }>;
  }>;
  const turns: LocomoTurn[] = [];
  const questions: LocomoQuestion[] = [];
  for (const sample of samples) {
    const ids = new Set<string>();
    for (let session = 1; Array.isArray(sample.conversation[`session_${session}`]); session += 1) {
      const date = parseLocomoDate(
        String(sample.conversation[`session_${session}_date_time`] ?? ''),
      );
      for (const raw of sample.conversation[`session_${session}`] as RawTurn[]) {
        const caption = raw.blip_caption ? ` [shares ${raw.blip_caption}]` : '';
        turns.push({
          conversation: sample.sample_id,
          session,
          diaId: raw.dia_id,
          speaker: raw.speaker,
          text: `${raw.speaker}: ${raw.text}${caption}`,
          date,
        });
        ids.add(raw.dia_id);
      }
    }
    for (const qa of sample.qa) {
      const evidence = qa.evidence
        .flatMap((item) => item.split(/[;,\s]+/))
        .map(repairDiaId)
        .filter((id) => ids.has(id));
      if (evidence.length > 0)
        questions.push({
          conversation: sample.sample_id,
          question: qa.question,
          category: qa.category,
          evidence,
        });
    }
  }
  return { turns, questions };
}

function repairDiaId(id: string): string {
  const match = /D:?(\d+):(\d+)/.exec(id.trim());
  return match ? `D${match[1]}:${match[2]}` : id.trim();
}

/** Share of `evidence` found in the first `k` of `ranked`. */
export function recallAt(
  ranked: readonly string[],
  evidence: readonly string[],
  k: number,
): number {
  const top = new Set(ranked.slice(0, k));
  return evidence.filter((id) => top.has(id)).length / evidence.length;
}
