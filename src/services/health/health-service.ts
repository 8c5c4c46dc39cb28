import type { CheckResult, ReadinessCheck } from '../../ports/readiness-check.js';

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/** Runs every readiness check in parallel. */
export class HealthService {
  readonly #checks: readonly ReadinessCheck[];

  constructor(checks: readonly ReadinessCheck[]) {
    this.#checks = checks;
  }

  /** Ready only when every check is ok; a check that throws counts as not ok. */
  async readiness(): Promise<Readiness> {
    const results = await Promise.all(
      this.#checks.map(async (check): Promise<[string, CheckResult]> => {
        try {
          return [check.name, await check.check()];
        } catch (error) {
          return [check.name, { ok: false, detail: (error as Error).message }];
        }
      }),
    );
    return { ready: results.every(([, result]) => result.ok), checks: Object.fromEntries(results) };
  }
}
