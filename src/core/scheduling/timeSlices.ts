/**
 * Cuts long work into short stretches so the extension host stays responsive: work calls
 * {@link TimeSlices.breathe} between steps, which lets the host run (awaits `pause`) once the current
 * stretch has taken `sliceMs`. Steps shorter than that cost one clock read each.
 */
export class TimeSlices {
  private stretchStart = performance.now();

  /**
   * @param pause lets the host run, e.g. a zero-delay timer.
   * @param sliceMs how long to work between two pauses.
   */
  constructor(
    private readonly pause: () => Promise<void>,
    private readonly sliceMs = 25,
  ) {}

  /** A zero-delay timer: lets everything queued (messages, other extensions) run first. */
  static readonly yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

  async breathe(): Promise<void> {
    if (performance.now() - this.stretchStart > this.sliceMs) {
      await this.pause();
      this.stretchStart = performance.now();
    }
  }
}
