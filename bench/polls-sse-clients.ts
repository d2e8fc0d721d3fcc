// The participants' side of bench/polls-sse.ts, in a worker thread: opens N Server-Sent Event
// streams and reports when every one of them has seen a tally of at least k answers.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, clients } = workerData as { url: string; clients: number };
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const seen = new Int32Array(clients);
// For each tally watched, how many streams have seen it: kept as streams move, never by rescanning all of them.
const watches = new Map<number, number>();
const now = () => performance.timeOrigin + performance.now();
let connected = 0;

function moved(from: number, to: number): void {
  for (const [k, n] of watches) {
    if (from < k && to >= k) {
      if (n + 1 === clients) {
        watches.delete(k);
        parentPort!.postMessage({ type: 'reached', k, at: now() });
      } else watches.set(k, n + 1);
    }
  }
}

for (let i = 0; i < clients; i++) {
  http.get(url, { agent }, (res) => {
    if (++connected === clients) parentPort!.postMessage({ type: 'connected' });
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buf += chunk;
      let cut: number;
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        const m = /"responses":(\d+)/.exec(buf.slice(0, cut));
        buf = buf.slice(cut + 2);
        if (m) {
          const before = seen[i]!;
          seen[i] = Number(m[1]);
          if (watches.size > 0) moved(before, seen[i]!);
        }
      }
    });
  });
}

parentPort!.on('message', (m: { type: string; k: number }) => {
  if (m.type === 'watch') {
    const n = seen.reduce((c, v) => c + (v >= m.k ? 1 : 0), 0);
    if (n === clients) parentPort!.postMessage({ type: 'reached', k: m.k, at: now() });
    else watches.set(m.k, n);
  }
});
