/** "median 0.42 ms, p95 0.61 ms (n=500)" */
export function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(3)} ms, p95 ${q(0.95).toFixed(3)} ms (n=${s.length})`;
}

/** Warm up, then time `fn` n times and print "label: median …, p95 …". */
export function timeIt(label: string, fn: () => unknown, n = 500): void {
  for (let i = 0; i < Math.min(50, n); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  console.log(`${label}: ${stats(times)}`);
}
