// Loaded on demand (dynamic import) so chart.js stays out of the first view's JavaScript.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarsInput {
  labels: string[];
  values: Array<number | null>;
  /** Bar to emphasise (the current hour), or -1. */
  highlight: number;
  unit: 'percent' | 'checkins';
}

/** Hour-of-day bars; returns the chart so the caller can update or destroy it. */
export function drawBars(canvas: HTMLCanvasElement, input: BarsInput): Chart<'bar'> {
  const colours = input.values.map((_, i) => (i === input.highlight ? '#be185d' : '#f472b6'));
  return new Chart(canvas, {
    type: 'bar',
    data: { labels: input.labels, datasets: [{ data: input.values, backgroundColor: colours, borderRadius: 2 }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => (item.raw === null ? 'no data' : input.unit === 'percent' ? `${Math.round(Number(item.raw))} % in use` : `${String(item.raw)} check-ins`),
          },
        },
      },
      scales: {
        x: { grid: { display: false }, ticks: { autoSkip: true, maxTicksLimit: 8, maxRotation: 0 } },
        y: { beginAtZero: true, max: input.unit === 'percent' ? 100 : undefined, ticks: { maxTicksLimit: 5, callback: (v) => (input.unit === 'percent' ? `${v} %` : String(v)) } },
      },
    },
  });
}
