// Unit tests of the charts' palette: the spec's eight accents in order, series colours wrapping
// round, colours at an opacity, the area fill's gradient (and its fallback before the first
// layout), and the dark-theme Chart.js defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GRID, MUTED, PALETTE, TEXT, applyChartDefaults, areaGradient, seriesColor, withAlpha } from '../../../web/HubAspire.Web/wwwroot/js/charts/theme.js';

test('the palette is the spec\'s eight accents, in order', () => {
  assert.deepEqual(Object.entries(PALETTE), [
    ['indigo', '#6366f1'],
    ['cyan', '#22d3ee'],
    ['green', '#10b981'],
    ['amber', '#f59e0b'],
    ['pink', '#ec4899'],
    ['violet', '#a78bfa'],
    ['red', '#ef4444'],
    ['teal', '#14b8a6'],
  ]);
});

test('series colours: the accents, four more, then round again', () => {
  const twelve = Array.from({ length: 12 }, (_, i) => seriesColor(i));
  assert.deepEqual(twelve, [
    '#6366f1', '#22d3ee', '#10b981', '#f59e0b', '#ec4899', '#a78bfa', '#ef4444', '#14b8a6',
    '#38bdf8', '#84cc16', '#fb923c', '#f43f5e',
  ]);
  // A 12-slice doughnut repeats no colour; the 13th series starts over.
  assert.equal(new Set(twelve).size, 12);
  assert.equal(seriesColor(12), '#6366f1');
  assert.equal(seriesColor(13), '#22d3ee');
  assert.equal(seriesColor(25), '#22d3ee');
});

test('a hex colour at an opacity, as rgba()', () => {
  assert.equal(withAlpha('#6366f1', 0.2), 'rgba(99, 102, 241, 0.2)');
  assert.equal(withAlpha('#14b8a6', 0.85), 'rgba(20, 184, 166, 0.85)');
  assert.equal(withAlpha('#000000', 1), 'rgba(0, 0, 0, 1)');
  assert.equal(withAlpha('#ffffff', 0), 'rgba(255, 255, 255, 0)');
});

test('the area fill: a flat tint until Chart.js has laid out the chart area', () => {
  const fill = areaGradient('#6366f1');
  assert.equal(typeof fill, 'function'); // scriptable: Chart.js calls it with the draw context
  assert.equal(fill({ chart: { chartArea: null } }), 'rgba(99, 102, 241, 0.2)');
  assert.equal(fill({ chart: { chartArea: undefined } }), 'rgba(99, 102, 241, 0.2)');
});

test('the area fill: top to bottom of the chart area, from 35 % opacity to transparent', () => {
  const calls = [];
  const ctx = {
    createLinearGradient: (...args) => {
      calls.push(args);
      const stops = [];
      return { stops, addColorStop: (offset, color) => stops.push([offset, color]) };
    },
  };
  const gradient = areaGradient('#10b981')({ chart: { chartArea: { top: 12, bottom: 212, left: 40, right: 600 }, ctx } });
  assert.deepEqual(calls, [[0, 12, 0, 212]]);
  assert.deepEqual(gradient.stops, [[0, 'rgba(16, 185, 129, 0.35)'], [1, 'rgba(16, 185, 129, 0)']]);
});

test('the Chart.js defaults: dark theme text, faint grid, the page\'s font, no aspect ratio', (t) => {
  // The one DOM read is the body's font family: a stand-in document answers it.
  globalThis.document = { body: { id: 'body' } };
  globalThis.getComputedStyle = (element) => ({ fontFamily: element.id === 'body' ? 'Inter, system-ui, sans-serif' : 'serif' });
  t.after(() => {
    delete globalThis.document;
    delete globalThis.getComputedStyle;
  });
  const Chart = {
    defaults: {
      font: {},
      animation: {},
      plugins: { legend: { labels: {} }, tooltip: {} },
      elements: { bar: {}, line: {}, point: {}, arc: {} },
    },
  };
  applyChartDefaults(Chart);
  const { defaults } = Chart;
  assert.equal(TEXT, '#cbd5e1');
  assert.equal(MUTED, '#94a3b8');
  assert.equal(defaults.color, TEXT);
  assert.equal(defaults.borderColor, GRID);
  assert.equal(GRID, 'rgba(148, 163, 184, 0.12)');
  assert.equal(defaults.font.family, 'Inter, system-ui, sans-serif');
  assert.equal(defaults.font.size, 12);
  assert.equal(defaults.maintainAspectRatio, false);
  assert.equal(defaults.plugins.legend.labels.usePointStyle, true);
  assert.equal(defaults.plugins.tooltip.backgroundColor, 'rgba(15, 23, 42, 0.95)');
  assert.equal(defaults.elements.line.tension, 0.3);
  assert.equal(defaults.elements.point.radius, 0); // points appear on hover only
  assert.equal(defaults.elements.point.hoverRadius, 4);
});
