const WORKER_SOURCE = `let timer = null;
onmessage = (event) => {
  clearInterval(timer);
  timer = event.data > 0 ? setInterval(() => postMessage(0), event.data) : null;
};`;

/**
 * Calls `tick` at a steady rate. The timer runs in a worker: a page's own timers slow to once
 * a second when its tab is in the background, which would stall a live stream; a worker's do
 * not. Where a worker cannot start (a strict CSP), the page's timer is used.
 */
export class FrameTicker {
  private worker: Worker | null = null;
  private fallback: ReturnType<typeof setInterval> | null = null;
  private workerUrl: string | null = null;

  constructor(private readonly tick: () => void) {}

  start(fps: number): void {
    this.stop();
    const intervalMs = 1000 / fps;
    try {
      this.workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
      this.worker = new Worker(this.workerUrl);
      this.worker.onmessage = () => this.tick();
      this.worker.postMessage(intervalMs);
    } catch {
      this.fallback = setInterval(this.tick, intervalMs);
    }
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.workerUrl) URL.revokeObjectURL(this.workerUrl);
    this.workerUrl = null;
    if (this.fallback !== null) clearInterval(this.fallback);
    this.fallback = null;
  }
}
