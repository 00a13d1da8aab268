// Chart.js configurations for the dashboard's chart kinds. A chart's data is the API's own
// arrays (labels and series values unchanged, unless a card says it transforms them); only ticks
// and tooltips are formatted. Each builder also returns `table`: the chart's text alternative,
// the same labels and figures formatted as its tooltips show them (a canvas says nothing to a
// screen reader); the card draws it and strips it before handing the config to Chart.js.

import { month } from '../format.js';
import { GRID, MUTED, areaGradient, seriesColor, withAlpha } from './theme.js';

/**
 * @typedef {object} Series
 * @property {string} label    legend and tooltip name
 * @property {number[]} data   values, one per label
 * @property {(v:number)=>string} format  tooltip format
 * @property {string} [color]
 * @property {'y'|'y1'} [axis] the right-hand axis is y1
 * @property {'bar'|'line'} [type] for mixed charts
 */

const monthLabel = (labels) => (value) => month(labels[value] ?? value);

function axis(format, { position = 'left', grid = true, max } = {}) {
  return {
    position,
    beginAtZero: true,
    max,
    grid: { display: grid, color: GRID },
    border: { display: false },
    ticks: { color: MUTED, callback: (value) => format(value), maxTicksLimit: 6 },
  };
}

/**
 * The label axis: months thin out and stay level; named categories all show, slanted as much as
 * crowding needs, up to upright (a long name slanted less on a phone runs off the chart's left edge).
 * Named categories keep Chart.js's own tick label (the label itself), so their ticks carry no
 * `callback` key at all: an explicit `callback: undefined` replaces Chart.js's default and the
 * axis shows the indices 0, 1, 2, … instead of the names.
 */
function categoryAxis(labels, { monthly = false } = {}) {
  const ticks = { color: MUTED, autoSkip: monthly, maxRotation: monthly ? 0 : 90 };
  if (monthly) ticks.callback = monthLabel(labels);
  return { grid: { display: false, color: GRID }, border: { display: false }, ticks };
}

/**
 * The chart as a table: a row per label (shown as the chart shows it), a column per series with
 * its tooltip format, then any extra tooltip lines (`extra(index)`, a line or lines) as "Details".
 */
function chartTable(labelName, labels, seriesList, { showLabel = (label) => label, extra, columns = [] } = {}) {
  if (!labelName) throw new Error('A chart needs the name of its labels (labelName) for its table.');
  const extraText = (i) => [extra?.(i) ?? []].flat().join(' · ');
  const column = (label, numeric) => ({ label, numeric });
  return {
    columns: [
      column(labelName, false),
      ...seriesList.map((s) => column(s.label, true)),
      ...columns.map((c) => column(c.label, true)),
      ...(extra ? [column('Details', false)] : []),
    ],
    rows: labels.map((label, i) => [
      String(showLabel(label)),
      ...seriesList.map((s) => s.format(s.data[i])),
      ...columns.map((c) => c.value(i)),
      ...(extra ? [extraText(i)] : []),
    ]),
  };
}

/** A slice's share of the whole, as the pie tooltips show it: "25.0%" (empty when the whole is 0). */
function share(values, i) {
  const total = values.reduce((sum, v) => sum + (v ?? 0), 0);
  return total ? `${((values[i] / total) * 100).toFixed(1)}%` : '';
}

function tooltip(seriesList, { monthly = false, extra } = {}) {
  return {
    itemSort: bySeries,
    callbacks: {
      title: (items) => (items.length ? (monthly ? month(items[0].label) : items[0].label) : ''),
      label: (item) => `${item.dataset.label}: ${seriesList[item.datasetIndex].format(item.raw)}`,
      afterBody: extra ? (items) => (items.length ? extra(items[0].dataIndex) : []) : undefined,
    },
  };
}

/**
 * Legend entries and tooltip lines in the order of the series, as the card's caption names them:
 * Chart.js would list them by drawing order (`order`, which puts a line over its bars).
 */
const bySeries = (a, b) => a.datasetIndex - b.datasetIndex;

const legend = (seriesList) => ({ display: seriesList.length > 1, position: 'bottom', labels: { sort: bySeries } });

/** The right axis (`y1`), when a series is drawn against it. */
const rightAxis = (seriesList, format, max) =>
  (seriesList.some((s) => s.axis === 'y1') ? { y1: axis(format, { position: 'right', grid: false, max }) } : {});

/** A trend over months: lines with gradient fills, optionally a second axis on the right. */
export function lineChart(labels, seriesList, { leftFormat, rightFormat } = {}) {
  return {
    type: 'line',
    data: {
      labels,
      datasets: seriesList.map((s, i) => {
        const color = s.color ?? seriesColor(i);
        return {
          label: s.label,
          data: s.data,
          yAxisID: s.axis ?? 'y',
          borderColor: color,
          backgroundColor: areaGradient(color),
          fill: s.axis !== 'y1',
          borderWidth: 2,
          pointBackgroundColor: color,
        };
      }),
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: categoryAxis(labels, { monthly: true }),
        y: axis(leftFormat ?? seriesList[0].format),
        ...rightAxis(seriesList, rightFormat),
      },
      plugins: { legend: legend(seriesList), tooltip: tooltip(seriesList, { monthly: true }) },
    },
    table: chartTable('Month', labels, seriesList, { showLabel: month }),
  };
}

/** Bars (grouped when several series; horizontal on request), with an optional line on a right axis. */
export function barChart(labels, seriesList, { labelName, horizontal = false, valueFormat, rightFormat, rightMax, extra } = {}) {
  const valueAxis = horizontal ? 'x' : 'y';
  return {
    type: 'bar',
    data: {
      labels,
      datasets: seriesList.map((s, i) => {
        const color = s.color ?? seriesColor(i);
        const line = s.type === 'line';
        return {
          type: s.type ?? 'bar',
          label: s.label,
          data: s.data,
          yAxisID: horizontal ? undefined : (s.axis ?? 'y'),
          borderColor: color,
          backgroundColor: line ? color : withAlpha(color, 0.8),
          hoverBackgroundColor: color,
          borderWidth: line ? 2 : 0,
          pointRadius: line ? 4 : undefined,
          maxBarThickness: 36,
          order: line ? 0 : 1,
        };
      }),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      interaction: { mode: 'index', intersect: false, axis: horizontal ? 'y' : 'x' },
      scales: {
        [horizontal ? 'y' : 'x']: categoryAxis(labels),
        [valueAxis]: axis(valueFormat ?? seriesList[0].format, { position: horizontal ? 'bottom' : 'left' }),
        ...rightAxis(seriesList, rightFormat, rightMax),
      },
      plugins: { legend: legend(seriesList), tooltip: tooltip(seriesList, { extra }) },
    },
    table: chartTable(labelName, labels, seriesList, { extra }),
  };
}

/** Shares of a whole; the tooltip adds the share and any extra lines. */
export function doughnutChart(labels, series, { labelName, extra } = {}) {
  return {
    type: 'doughnut',
    data: {
      labels,
      datasets: [{
        label: series.label,
        data: series.data,
        backgroundColor: labels.map((_, i) => withAlpha(seriesColor(i), 0.85)),
        hoverOffset: 6,
        borderWidth: 2,
      }],
    },
    options: {
      cutout: '62%',
      plugins: {
        legend: { position: 'right' },
        tooltip: {
          callbacks: {
            label: (item) => {
              const part = share(series.data, item.dataIndex);
              return `${series.label}: ${series.format(item.raw)}${part ? ` (${part})` : ''}`;
            },
            afterLabel: extra ? (item) => extra(item.dataIndex) : undefined,
          },
        },
      },
    },
    table: chartTable(labelName, labels, [series], { extra, columns: [{ label: 'Share', value: (i) => share(series.data, i) }] }),
  };
}

/** Several figures per category on one 0–100 scale; `extra(index)` adds lines under the tooltip's figures. */
export function radarChart(labels, seriesList, { labelName, extra } = {}) {
  return {
    type: 'radar',
    data: {
      labels,
      datasets: seriesList.map((s, i) => {
        const color = s.color ?? seriesColor(i);
        return { label: s.label, data: s.data, borderColor: color, backgroundColor: withAlpha(color, 0.2), pointBackgroundColor: color, borderWidth: 2 };
      }),
    },
    options: {
      elements: { line: { tension: 0 }, point: { radius: 3 } },
      scales: {
        r: {
          min: 0,
          max: 100,
          grid: { color: GRID },
          angleLines: { color: GRID },
          pointLabels: { color: MUTED },
          ticks: { display: false, stepSize: 25 },
        },
      },
      plugins: { legend: legend(seriesList), tooltip: tooltip(seriesList, { extra }) },
    },
    table: chartTable(labelName, labels, seriesList, { extra }),
  };
}

/** Values per category as slices of one circle; `extra(index)` adds a line under each tooltip label. */
export function polarAreaChart(labels, series, { labelName, extra } = {}) {
  return {
    type: 'polarArea',
    data: {
      labels,
      datasets: [{
        label: series.label,
        data: series.data,
        backgroundColor: labels.map((_, i) => withAlpha(seriesColor(i), 0.6)),
        borderWidth: 1,
      }],
    },
    options: {
      scales: { r: { grid: { color: GRID }, ticks: { display: false } } },
      plugins: {
        legend: { position: 'right' },
        tooltip: {
          callbacks: {
            label: (item) => `${series.label}: ${series.format(item.raw)}`,
            afterLabel: extra ? (item) => extra(item.dataIndex) : undefined,
          },
        },
      },
    },
    table: chartTable(labelName, labels, [series], { extra }),
  };
}
