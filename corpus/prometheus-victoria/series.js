// The fixed samples both sides hold: a small service's metrics over ten
// minutes of 2023-11-14 (every 15 s from 22:13:20 UTC, 41 samples a series),
// written once as OpenMetrics (for `promtool tsdb create-blocks-from
// openmetrics`, Prometheus's backfill) and once as the Prometheus text
// format with millisecond timestamps (for VictoriaMetrics'
// `/api/v1/import/prometheus`). The same values, the same timestamps.

export const start = 1700000000; // 2023-11-14T22:13:20Z
export const step = 15;
export const count = 41;

const families = [
  {
    name: 'http_requests',
    type: 'counter',
    help: 'HTTP requests served.',
    series: [
      {
        suffix: '_total',
        labels: { job: 'api', instance: 'api-1:8080', method: 'GET', code: '200' },
        value: (i) => 100 + 10 * i,
      },
      {
        suffix: '_total',
        labels: { job: 'api', instance: 'api-1:8080', method: 'GET', code: '500' },
        value: (i) => 2 + Math.floor(i / 10),
      },
      {
        suffix: '_total',
        labels: { job: 'api', instance: 'api-2:8080', method: 'POST', code: '200' },
        value: (i) => 50 + 5 * i,
      },
    ],
  },
  {
    name: 'request_duration_seconds',
    type: 'histogram',
    help: 'Time to serve a request.',
    series: [
      { suffix: '_bucket', labels: { job: 'api', le: '0.1' }, value: (i) => 60 + 6 * i },
      { suffix: '_bucket', labels: { job: 'api', le: '0.5' }, value: (i) => 90 + 9 * i },
      { suffix: '_bucket', labels: { job: 'api', le: '1.0' }, value: (i) => 98 + 10 * i },
      { suffix: '_bucket', labels: { job: 'api', le: '+Inf' }, value: (i) => 100 + 10 * i },
      { suffix: '_sum', labels: { job: 'api' }, value: (i) => 20 + 2 * i },
      { suffix: '_count', labels: { job: 'api' }, value: (i) => 100 + 10 * i },
    ],
  },
  {
    name: 'process_resident_memory_bytes',
    type: 'gauge',
    help: 'Resident memory size in bytes.',
    series: [
      {
        suffix: '',
        labels: { job: 'api', instance: 'api-1:8080' },
        value: (i) => 120000000 + (i % 4) * 1000000,
      },
      { suffix: '', labels: { job: 'api', instance: 'api-2:8080' }, value: () => 90000000 },
    ],
  },
  {
    name: 'room_temperature_celsius',
    type: 'gauge',
    help: 'Room temperature.',
    series: [
      {
        suffix: '',
        labels: { job: 'sensors', room: 'kitchen' },
        value: (i) => Math.round((21.5 + 0.1 * (i % 5)) * 10) / 10,
      },
      { suffix: '', labels: { job: 'sensors', room: 'attic' }, value: () => 18 },
    ],
  },
];

const labelText = (labels) =>
  '{' +
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',') +
  '}';

/** OpenMetrics (timestamps in seconds), one family after another, `# EOF` last. */
export function openMetrics() {
  const lines = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
    for (let i = 0; i < count; i++) {
      for (const s of f.series) {
        lines.push(`${f.name}${s.suffix}${labelText(s.labels)} ${s.value(i)} ${start + i * step}`);
      }
    }
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

/** The Prometheus text format with millisecond timestamps. */
export function promText() {
  const lines = [];
  for (const f of families) {
    for (const s of f.series) {
      for (let i = 0; i < count; i++) {
        lines.push(
          `${f.name}${s.suffix}${labelText(s.labels)} ${s.value(i)} ${(start + i * step) * 1000}`,
        );
      }
    }
  }
  return lines.join('\n') + '\n';
}
