// The baseline for bench/bench_ical: ical-generator builds the same timed meetings as the C++
// bench (same UIDs, local times, zones, texts) and writes the calendar to /dev/null.
// Usage: node bench.mjs COUNT  -> prints one JSON line {"events", "seconds", "bytes", "max_rss_kib"}
// ical-generator writes no VTIMEZONE and takes the local times as given (no tz conversion), so
// it does less work than gge's writer: the ratio is on the generous side for ical-generator.
import ical from 'ical-generator';
import fs from 'node:fs';

const count = Number(process.argv[2] || 1000000);
const zones = ['America/New_York', 'Europe/Zurich', 'Europe/Vienna', 'Africa/Nairobi'];
const stations = ['New York (UNHQ)', 'Geneva (UNOG)', 'Vienna (UNOV)', 'Nairobi (UNON)'];
const pad = (n) => String(n).padStart(2, '0');
const day0 = Date.UTC(2006, 0, 2);

const t0 = process.hrtime.bigint();
const cal = ical({ name: 'bench', prodId: '-//gge//bench//EN' });
for (let i = 0; i < count; ++i) {
  const z = i % 4;
  const d = new Date(day0 + (Math.floor(i / 8) % 730) * 86400000);
  const ymd = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const [h0, h1] = i % 2 ? [15, 18] : [10, 13];
  cal.createEvent({
    id: `bench-${i}@gge`,
    sequence: i % 3,
    stamp: new Date(1100000000000),
    start: `${ymd}T${pad(h0)}:00:00`,
    end: `${ymd}T${pad(h1)}:00:00`,
    timezone: zones[z],
    summary: `BENCH: ${['first', 'second', 'third', 'fourth'][z]} session, meeting ${(i % 10) + 1} (plenary)`,
    location: `Conference Room ${i % 8}, ${stations[z]}`,
    description: 'Benchmark body',
  });
}
const text = cal.toString();
fs.writeFileSync('/dev/null', text);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ events: count, seconds, bytes: Buffer.byteLength(text), max_rss_kib: process.resourceUsage().maxRSS }));
