/** Reads typed values from an environment, collecting every problem instead of stopping at one. */
export class EnvReader {
  readonly #env: NodeJS.ProcessEnv;
  readonly #problems: string[] = [];

  constructor(env: NodeJS.ProcessEnv) {
    this.#env = env;
  }

  /** A string, or `fallback` when unset or empty. */
  string(name: string, fallback: string): string {
    return this.#raw(name) ?? fallback;
  }

  /** A string, or undefined when unset or empty. */
  optionalString(name: string): string | undefined {
    return this.#raw(name);
  }

  /** An integer within [min, max]. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.#raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.#problems.push(`${name} must be an integer ${min}..${max}`);
      return fallback;
    }
    return value;
  }

  /** A number within [min, max]. */
  number(name: string, fallback: number, min: number, max: number): number {
    const raw = this.#raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      this.#problems.push(`${name} must be in [${min},${max}]`);
      return fallback;
    }
    return value;
  }

  /** A duration in seconds: `3600`, `90s`, `15m`, `12h`, `7d`; undefined when unset. */
  optionalDuration(name: string): number | undefined {
    const raw = this.#raw(name);
    if (raw === undefined) return undefined;
    const match = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match?.[2] ?? ''] ?? 1;
    const seconds = match ? Number(match[1]) * unit : Number.NaN;
    if (!Number.isSafeInteger(seconds) || seconds < 1) {
      this.#problems.push(`${name} must be a duration like 3600, 90s, 15m, 12h or 7d`);
      return undefined;
    }
    return seconds;
  }

  /** `true`/`false`/`1`/`0`. */
  boolean(name: string, fallback: boolean): boolean {
    const raw = this.#raw(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    this.#problems.push(`${name} must be true or false`);
    return fallback;
  }

  /** One of a closed set of values. */
  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const raw = this.#raw(name);
    if (raw === undefined) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.#problems.push(`${name} must be one of ${values.join(', ')}`);
    return fallback;
  }

  /** A comma-separated list of non-empty items (empty when unset). */
  list(name: string): string[] {
    const raw = this.#raw(name);
    if (raw === undefined) return [];
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  /** A URL with one of the given protocols, or undefined when unset. */
  optionalUrl(name: string, protocols: readonly string[]): string | undefined {
    const raw = this.#raw(name);
    if (raw === undefined) return undefined;
    try {
      if (protocols.includes(new URL(raw).protocol)) return raw;
    } catch {
      // reported below
    }
    this.#problems.push(
      `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );
    return undefined;
  }

  /** Records a problem that involves several variables. */
  problem(message: string): void {
    this.#problems.push(message);
  }

  /** Throws one error listing every problem seen so far. */
  throwIfInvalid(): void {
    if (this.#problems.length > 0) {
      throw new Error(`invalid environment: ${this.#problems.join('; ')}`);
    }
  }

  #raw(name: string): string | undefined {
    const value = this.#env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }
}
