// Transfer speed over a moving window, so the figure follows the current rate
// instead of the average since the start (which hides a stall for minutes).

interface Sample {
  at: number;
  loaded: number;
}

/**
 * Keeps (time, bytes) samples of the last `windowMs` milliseconds (default 5000).
 * `speed()` is bytes per second across the window; `secondsLeft(total)` divides what is left by it.
 */
export class SpeedMeter {
  private samples: Sample[] = [];

  constructor(private readonly windowMs = 5000) {}

  /** Records that `loaded` bytes were done at time `at` (ms). A smaller `loaded` (a restart) starts over. */
  add(at: number, loaded: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last && loaded < last.loaded) this.samples = [];
    this.samples.push({ at, loaded });
    // Keep one sample older than the window so the window is always fully covered.
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.windowMs) this.samples.shift();
  }

  reset(): void {
    this.samples = [];
  }

  /** Bytes per second over the window; 0 until two samples at different times exist. */
  speed(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return ((last.loaded - first.loaded) * 1000) / (last.at - first.at);
  }

  /** Seconds until `total` bytes at the current speed; null when the speed is unknown or zero. */
  secondsLeft(total: number): number | null {
    const last = this.samples[this.samples.length - 1];
    const speed = this.speed();
    if (!last || speed <= 0) return null;
    return Math.max(0, (total - last.loaded) / speed);
  }
}
