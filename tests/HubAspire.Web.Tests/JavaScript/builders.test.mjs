// Unit tests of the Chart.js configurations, read as a person sees the chart: which axis holds the
// categories and where each axis sits, the tick texts and tooltip lines (by calling the callbacks
// as Chart.js 4.5.1 calls them), legends, and the colours of series and slices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tickTexts, sideOf, tooltipLines } from './chart-reading.mjs';
import { barChart, doughnutChart, lineChart, polarAreaChart, radarChart } from '../../../web/HubAspire.Web/wwwroot/js/charts/builders.js';
import { integer, money, moneyExact, percent } from '../../../web/HubAspire.Web/wwwroot/js/format.js';

// ------------------------------------------------------------------ samples

const MONTHS = ['2024-01', '2024-02', '2024-03'];
const REGIONS = ['North America', 'Europe'];
const revenue = (data) => ({ label: 'Revenue', data, format: moneyExact });

// ------------------------------------------------------------------ line charts

test('line: months along the bottom as "Jan 2024", values on the left', () => {
  const config = lineChart(MONTHS, [{ label: 'Total Deal Value', data: [1_293_885_938.14, 1_200_000, 0], format: moneyExact }], { leftFormat: money });
  assert.equal(config.type, 'line');
  assert.deepEqual(config.data.labels, MONTHS);
  assert.equal(sideOf(config, 'x'), 'bottom');
  assert.equal(sideOf(config, 'y'), 'left');
  assert.deepEqual(tickTexts(config, 'x', [0, 1, 2]), ['Jan 2024', 'Feb 2024', 'Mar 2024']);
  assert.equal(config.options.scales.x.ticks.autoSkip, true); // months thin out ...
  assert.equal(config.options.scales.x.ticks.maxRotation, 0); // ... and stay level
  assert.deepEqual(tickTexts(config, 'y', [0, 500_000_000, 1_000_000_000, 1_500_000_000]), ['$0', '$500M', '$1B', '$1.5B']);
  assert.equal(config.options.scales.y.beginAtZero, true);
  assert.equal('y1' in config.options.scales, false);
});

test('line: the tooltip names the month and gives each series in full', () => {
  const config = lineChart(MONTHS, [
    { label: 'Total Deal Value', data: [1_293_885_938.14, 1_200_000, 0], format: moneyExact },
    { label: 'Won Revenue', data: [301_234_567.5, 250_000, null], format: moneyExact },
  ], { leftFormat: money });
  assert.equal(config.options.interaction.mode, 'index'); // every series at the hovered month
  assert.equal(config.options.interaction.intersect, false);
  assert.deepEqual(tooltipLines(config, 0), ['Jan 2024', 'Total Deal Value: $1,293,885,938', 'Won Revenue: $301,234,568']);
  assert.deepEqual(tooltipLines(config, 2), ['Mar 2024', 'Total Deal Value: $0', 'Won Revenue: —']);
});

test('line: the value axis falls back to the first series\' format', () => {
  const config = lineChart(MONTHS, [{ label: 'Events', data: [12_345, 23_456, 34_567], format: integer }]);
  assert.deepEqual(tickTexts(config, 'y', [0, 12_500, 25_000]), ['0', '12,500', '25,000']);
});

test('line: a series on y1 gets a right-hand axis with its own format, unfilled', () => {
  const config = lineChart(MONTHS, [
    { label: 'Events', data: [12_345, 23_456, 34_567], format: integer },
    { label: 'Engagement %', data: [12.25, 30, 7.5], format: percent, axis: 'y1' },
  ], { leftFormat: integer, rightFormat: (v) => percent(v, 0) });
  const { y, y1 } = config.options.scales;
  assert.equal(sideOf(config, 'y1'), 'right');
  assert.equal(y1.position, 'right'); // y1 is a vertical axis only because its position says so
  assert.equal(y1.grid.display, false); // one grid, the left axis's
  assert.equal(y.grid.display, true);
  assert.equal(y1.max, undefined);
  assert.deepEqual(tickTexts(config, 'y1', [0, 12.5, 25]), ['0%', '13%', '25%']);
  assert.deepEqual(tickTexts(config, 'y', [0, 25_000]), ['0', '25,000']);
  assert.deepEqual(config.data.datasets.map((d) => d.yAxisID), ['y', 'y1']);
  assert.deepEqual(config.data.datasets.map((d) => d.fill), [true, false]);
  assert.deepEqual(tooltipLines(config, 0), ['Jan 2024', 'Events: 12,345', 'Engagement %: 12.3%']);
});

test('line: colours from the palette in order unless a series names its own; gradient fills', () => {
  const config = lineChart(MONTHS, [
    { label: 'A', data: [1, 2, 3], format: integer },
    { label: 'B', data: [1, 2, 3], format: integer },
    { label: 'C', data: [1, 2, 3], format: integer, color: '#14b8a6' },
  ]);
  assert.deepEqual(config.data.datasets.map((d) => d.borderColor), ['#6366f1', '#22d3ee', '#14b8a6']);
  assert.deepEqual(config.data.datasets.map((d) => d.pointBackgroundColor), ['#6366f1', '#22d3ee', '#14b8a6']);
  // Before the first layout the fill is a flat tint of the series' colour.
  assert.equal(config.data.datasets[0].backgroundColor({ chart: { chartArea: null } }), 'rgba(99, 102, 241, 0.2)');
});

test('legend: only with more than one series, under the chart', () => {
  const one = lineChart(MONTHS, [{ label: 'A', data: [1, 2, 3], format: integer }]);
  const two = lineChart(MONTHS, [{ label: 'A', data: [1, 2, 3], format: integer }, { label: 'B', data: [1, 2, 3], format: integer }]);
  assert.equal(one.options.plugins.legend.display, false);
  assert.equal(two.options.plugins.legend.display, true);
  assert.equal(two.options.plugins.legend.position, 'bottom');
  assert.equal(barChart(REGIONS, [revenue([1, 2])], { labelName: 'Region' }).options.plugins.legend.display, false);
  assert.equal(barChart(REGIONS, [revenue([1, 2]), revenue([3, 4])], { labelName: 'Region' }).options.plugins.legend.display, true);
});

// ------------------------------------------------------------------ bar charts

test('bar: named categories keep Chart.js\'s own tick label, so their ticks carry no callback key', () => {
  // An explicit `callback: undefined` is kept by Chart.js 4.5.1's option merge and replaces the
  // category scale's default, so the axis drew 0, 1, 2, … instead of the names (a real regression).
  const vertical = barChart(REGIONS, [revenue([1_293_885_938.14, 1_200_000])], { labelName: 'Region', valueFormat: money });
  const horizontal = barChart(REGIONS, [revenue([1_293_885_938.14, 1_200_000])], { labelName: 'Region', horizontal: true, valueFormat: money });
  assert.equal(Object.hasOwn(vertical.options.scales.x.ticks, 'callback'), false);
  assert.equal(Object.hasOwn(horizontal.options.scales.y.ticks, 'callback'), false);
  // All names show (no skipping), slanted as crowding needs, up to upright (a phone's 20 industries).
  assert.equal(vertical.options.scales.x.ticks.autoSkip, false);
  assert.equal(vertical.options.scales.x.ticks.maxRotation, 90);
});

test('bar, vertical: categories along the bottom, values on the left in the value format', () => {
  const config = barChart(REGIONS, [revenue([1_293_885_938.14, 1_200_000])], { labelName: 'Region', valueFormat: money });
  assert.equal(config.type, 'bar');
  assert.equal(config.options.indexAxis, 'x');
  assert.deepEqual(config.data.labels, REGIONS);
  assert.deepEqual(config.data.datasets[0].data, [1_293_885_938.14, 1_200_000]);
  assert.equal(sideOf(config, 'x'), 'bottom');
  assert.equal(sideOf(config, 'y'), 'left');
  assert.deepEqual(tickTexts(config, 'y', [0, 1_200_000, 1_293_885_938.14]), ['$0', '$1.2M', '$1.29B']);
  assert.equal('y1' in config.options.scales, false);
});

test('bar, vertical: the tooltip names the category as it is and gives the value in full', () => {
  const config = barChart(['2024-01', 'Europe'], [revenue([1_293_885_938.14, 1_200_000])], { labelName: 'Region', valueFormat: money });
  assert.deepEqual(tooltipLines(config, 1), ['Europe', 'Revenue: $1,200,000']);
  // Only line charts read labels as months: a bar's label is shown unchanged.
  assert.deepEqual(tooltipLines(config, 0), ['2024-01', 'Revenue: $1,293,885,938']);
  assert.equal(config.options.plugins.tooltip.callbacks.afterBody, undefined);
});

test('bar: extra lines under the tooltip\'s figures, for the hovered category', () => {
  const winRate = [25, 31.25];
  const deals = [1_234, 56_789];
  const config = barChart(REGIONS, [revenue([1_293_885_938.14, 1_200_000])], {
    labelName: 'Region',
    valueFormat: money,
    extra: (i) => [`Win rate: ${percent(winRate[i])}`, `Deals: ${integer(deals[i])}`],
  });
  assert.deepEqual(tooltipLines(config, 0), ['North America', 'Revenue: $1,293,885,938', 'Win rate: 25.0%', 'Deals: 1,234']);
  assert.deepEqual(tooltipLines(config, 1), ['Europe', 'Revenue: $1,200,000', 'Win rate: 31.3%', 'Deals: 56,789']);
  assert.deepEqual(config.options.plugins.tooltip.callbacks.afterBody([]), []);
});

test('bar, horizontal: categories down the left, values along the bottom', () => {
  const config = barChart(REGIONS, [revenue([1_293_885_938.14, 1_200_000])], { labelName: 'Region', horizontal: true, valueFormat: money });
  const { x, y } = config.options.scales;
  assert.equal(config.options.indexAxis, 'y');
  assert.equal(config.options.interaction.axis, 'y');
  assert.equal(sideOf(config, 'y'), 'left');
  assert.equal(sideOf(config, 'x'), 'bottom');
  assert.equal(Object.hasOwn(y.ticks, 'callback'), false);
  assert.equal(y.grid.display, false); // no grid lines between the bars
  assert.equal(x.grid.display, true);
  assert.deepEqual(tickTexts(config, 'x', [0, 600_000, 1_200_000]), ['$0', '$600K', '$1.2M']);
  assert.equal(config.data.datasets[0].yAxisID, undefined);
  assert.deepEqual(tooltipLines(config, 0), ['North America', 'Revenue: $1,293,885,938']);
});

test('bar with a line on the right: counts on the left, the rate on a right axis up to its max', () => {
  const config = barChart(['Critical', 'High', 'Medium', 'Low'], [
    { label: 'Tickets', data: [1_234, 3_456, 12_345, 7_890], format: integer },
    { label: 'SLA compliance %', data: [72.5, 64.25, 55, 49.95], format: percent, type: 'line', axis: 'y1' },
  ], { labelName: 'Priority', rightFormat: (v) => percent(v, 0), rightMax: 100 });
  const { x, y, y1 } = config.options.scales;
  assert.equal(sideOf(config, 'x'), 'bottom');
  assert.equal(sideOf(config, 'y'), 'left');
  assert.equal(sideOf(config, 'y1'), 'right');
  assert.equal(Object.hasOwn(x.ticks, 'callback'), false);
  assert.equal(y1.max, 100);
  assert.equal(y.max, undefined);
  assert.equal(y1.beginAtZero, true);
  assert.deepEqual(tickTexts(config, 'y', [0, 5_000, 12_500]), ['0', '5,000', '12,500']); // the first series' format
  assert.deepEqual(tickTexts(config, 'y1', [0, 20, 100]), ['0%', '20%', '100%']);
  assert.deepEqual(config.data.datasets.map((d) => d.type), ['bar', 'line']);
  assert.deepEqual(config.data.datasets.map((d) => d.yAxisID), ['y', 'y1']);
  assert.deepEqual(config.data.datasets.map((d) => d.order), [1, 0]); // the line drawn over the bars
  assert.deepEqual(tooltipLines(config, 3), ['Low', 'Tickets: 7,890', 'SLA compliance %: 50.0%']);
});

test('bar: no right axis unless a series is drawn against it', () => {
  const config = barChart(REGIONS, [revenue([1, 2])], { labelName: 'Region', rightFormat: (v) => percent(v, 0), rightMax: 100 });
  assert.equal('y1' in config.options.scales, false);
});

test('bar: palette colours in order, bars slightly transparent, a line solid', () => {
  const series = Array.from({ length: 9 }, (_, i) => ({ label: `S${i}`, data: [1, 2], format: integer }));
  const config = barChart(REGIONS, series, { labelName: 'Region' });
  assert.deepEqual(config.data.datasets.map((d) => d.borderColor), [
    '#6366f1', '#22d3ee', '#10b981', '#f59e0b', '#ec4899', '#a78bfa', '#ef4444', '#14b8a6', '#38bdf8',
  ]);
  assert.equal(config.data.datasets[0].backgroundColor, 'rgba(99, 102, 241, 0.8)');
  assert.equal(config.data.datasets[0].hoverBackgroundColor, '#6366f1');
  const mixed = barChart(REGIONS, [
    { label: 'Tickets', data: [1, 2], format: integer, color: '#6366f1' },
    { label: 'SLA', data: [50, 60], format: percent, color: '#10b981', type: 'line', axis: 'y1' },
  ], { labelName: 'Region' });
  assert.deepEqual(mixed.data.datasets.map((d) => d.backgroundColor), ['rgba(99, 102, 241, 0.8)', '#10b981']);
});

// ------------------------------------------------------------------ doughnut and polar area

const PIPELINES = ['Enterprise', 'Mid-Market', 'SMB', 'Partner'];

test('doughnut: each slice\'s figure and its share of the whole', () => {
  const config = doughnutChart(PIPELINES, { label: 'Revenue', data: [500_000_000, 1_000_000_000, 300_000_000, 200_000_000], format: money }, { labelName: 'Pipeline' });
  assert.equal(config.type, 'doughnut');
  assert.deepEqual(config.data.labels, PIPELINES);
  assert.equal(config.options.plugins.legend.position, 'right');
  const { callbacks } = config.options.plugins.tooltip;
  assert.equal(callbacks.title, undefined); // Chart.js's doughnut tooltip has no title
  assert.equal(callbacks.afterLabel, undefined);
  assert.deepEqual(tooltipLines(config, 0), ['Revenue: $500M (25.0%)']);
  assert.deepEqual(tooltipLines(config, 1), ['Revenue: $1B (50.0%)']);
  assert.deepEqual(tooltipLines(config, 3), ['Revenue: $200M (10.0%)']);
});

test('doughnut: shares to one decimal, none when the whole is zero', () => {
  const thirds = doughnutChart(['A', 'B'], { label: 'Contacts', data: [1_234, 2_468], format: integer }, { labelName: 'Lead source' });
  assert.deepEqual(tooltipLines(thirds, 0), ['Contacts: 1,234 (33.3%)']);
  assert.deepEqual(tooltipLines(thirds, 1), ['Contacts: 2,468 (66.7%)']);
  const nothing = doughnutChart(['A', 'B'], { label: 'Contacts', data: [0, 0], format: integer }, { labelName: 'Lead source' });
  assert.deepEqual(tooltipLines(nothing, 0), ['Contacts: 0']);
});

test('doughnut: extra lines under the hovered slice', () => {
  const winRate = [25, 12.5];
  const config = doughnutChart(['Enterprise', 'SMB'], { label: 'Revenue', data: [1, 3], format: integer },
    { labelName: 'Pipeline', extra: (i) => [`Win rate: ${percent(winRate[i])}`] });
  assert.deepEqual(tooltipLines(config, 1), ['Revenue: 3 (75.0%)', 'Win rate: 12.5%']);
});

test('doughnut: slice colours from the palette in order, wrapping after twelve', () => {
  const labels = Array.from({ length: 13 }, (_, i) => `Slice ${i + 1}`);
  const config = doughnutChart(labels, { label: 'Count', data: labels.map(() => 1), format: integer }, { labelName: 'Slice' });
  const colours = config.data.datasets[0].backgroundColor;
  assert.equal(colours.length, 13);
  assert.deepEqual(colours.slice(0, 4), ['rgba(99, 102, 241, 0.85)', 'rgba(34, 211, 238, 0.85)', 'rgba(16, 185, 129, 0.85)', 'rgba(245, 158, 11, 0.85)']);
  assert.equal(colours[7], 'rgba(20, 184, 166, 0.85)');
  assert.equal(colours[11], 'rgba(244, 63, 94, 0.85)');
  assert.equal(colours[12], colours[0]);
});

test('polar area: the figure per slice and the extra line; no tick numbers on the radius', () => {
  const rates = [12.25, 30];
  const config = polarAreaChart(['Page View', 'Form Submit'], { label: 'Events', data: [12_345, 678], format: integer },
    { labelName: 'Event type', extra: (i) => `Engagement: ${percent(rates[i])}` });
  assert.equal(config.type, 'polarArea');
  assert.equal(config.options.scales.r.ticks.display, false);
  assert.equal(config.options.plugins.legend.position, 'right');
  assert.deepEqual(tooltipLines(config, 0), ['Events: 12,345', 'Engagement: 12.3%']);
  assert.deepEqual(tooltipLines(config, 1), ['Events: 678', 'Engagement: 30.0%']);
  assert.deepEqual(config.data.datasets[0].backgroundColor, ['rgba(99, 102, 241, 0.6)', 'rgba(34, 211, 238, 0.6)']);
  const plain = polarAreaChart(['A'], { label: 'Events', data: [5], format: integer }, { labelName: 'Event type' });
  assert.equal(plain.options.plugins.tooltip.callbacks.afterLabel, undefined);
});

// ------------------------------------------------------------------ radar

test('radar: one 0–100 scale in steps of 25, the category names as point labels', () => {
  const config = radarChart(['Organic', 'Paid', 'Social'], [
    { label: 'Volume (% of max)', data: [100, 80, 50], format: (v) => `${percent(v)} of the busiest channel` },
    { label: 'Engagement %', data: [12.25, 30, 22], format: percent },
  ], { labelName: 'Channel' });
  const { r } = config.options.scales;
  assert.equal(config.type, 'radar');
  assert.deepEqual(Object.keys(config.options.scales), ['r']);
  assert.equal(r.min, 0);
  assert.equal(r.max, 100);
  assert.equal(r.ticks.stepSize, 25);
  assert.equal(r.ticks.display, false);
  // Like a category axis: no callback key, so Chart.js draws the labels themselves.
  assert.equal(Object.hasOwn(r.pointLabels, 'callback'), false);
  assert.equal(config.options.plugins.legend.display, true);
});

test('radar: the tooltip names the category, the hovered series and the extra lines', () => {
  const events = [20_000, 16_000, 10_000];
  const config = radarChart(['Organic', 'Paid', 'Social'], [
    { label: 'Volume (% of max)', data: [100, 80, 50], format: (v) => `${percent(v)} of the busiest channel` },
    { label: 'Engagement %', data: [12.25, 30, 22], format: percent },
  ], { labelName: 'Channel', extra: (i) => [`Events: ${integer(events[i])}`] });
  assert.deepEqual(tooltipLines(config, 1, [0]), ['Paid', 'Volume (% of max): 80.0% of the busiest channel', 'Events: 16,000']);
  assert.deepEqual(tooltipLines(config, 0, [1]), ['Organic', 'Engagement %: 12.3%', 'Events: 20,000']);
  assert.deepEqual(config.data.datasets.map((d) => [d.borderColor, d.backgroundColor]), [
    ['#6366f1', 'rgba(99, 102, 241, 0.2)'],
    ['#22d3ee', 'rgba(34, 211, 238, 0.2)'],
  ]);
});
