/**
 * Calls `emit(from, to)` with the items due at `rate` per second since the start, every ~4 ms
 * (one socket-sized batch per tick, as TMI batches under load), until `total` have gone out.
 * Runs in the browser (scripted benchmarks) and in Node (the real-path server) alike.
 */
export function pace(rate: number, total: number, emit: (from: number, to: number) => void): Promise<void> {
  const start = performance.now();
  let sent = 0;
  return new Promise<void>((done) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      if (due > sent) {
        emit(sent, due);
        sent = due;
      }
      if (sent >= total) done();
      else setTimeout(tick, 4);
    };
    tick();
  });
}
