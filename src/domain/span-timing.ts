/** One named step of a traced request: its total wall time over `count` calls (they may overlap). */
export interface SpanTiming {
  readonly name: string;
  readonly ms: number;
  readonly count: number;
}
