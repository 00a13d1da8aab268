// One palette and one set of Chart.js defaults for every chart (DASHBOARD.md "Look").

export const PALETTE = {
  indigo: '#6366f1',
  cyan: '#22d3ee',
  green: '#10b981',
  amber: '#f59e0b',
  pink: '#ec4899',
  violet: '#a78bfa',
  red: '#ef4444',
  teal: '#14b8a6',
};

/** Series colours in order of use: the accents, then four more so a 10- or 12-slice doughnut repeats none. */
const SERIES_COLORS = [...Object.values(PALETTE), '#38bdf8', '#84cc16', '#fb923c', '#f43f5e'];

/** The colour of the i-th series or slice, starting over after the last. */
export function seriesColor(i) {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}

export const TEXT = '#cbd5e1';
export const MUTED = '#94a3b8';
export const GRID = 'rgba(148, 163, 184, 0.12)';

/** "#6366f1" at an opacity, as rgba(). */
export function withAlpha(hex, alpha) {
  const value = parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** A scriptable fill: the colour fading to transparent from the top of the chart area to its bottom. */
export function areaGradient(color) {
  return (context) => {
    const { chart } = context;
    const area = chart.chartArea;
    if (!area) return withAlpha(color, 0.2);
    const gradient = chart.ctx.createLinearGradient(0, area.top, 0, area.bottom);
    gradient.addColorStop(0, withAlpha(color, 0.35));
    gradient.addColorStop(1, withAlpha(color, 0));
    return gradient;
  };
}

/** Applied once, before the first chart: dark theme, system fonts, short first draw. */
export function applyChartDefaults(Chart) {
  Chart.defaults.color = TEXT;
  Chart.defaults.borderColor = GRID;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation.duration = 450;
  Chart.defaults.plugins.legend.labels.usePointStyle = true;
  Chart.defaults.plugins.legend.labels.boxWidth = 8;
  Chart.defaults.plugins.tooltip.backgroundColor = 'rgba(15, 23, 42, 0.95)';
  Chart.defaults.plugins.tooltip.borderColor = 'rgba(148, 163, 184, 0.25)';
  Chart.defaults.plugins.tooltip.borderWidth = 1;
  Chart.defaults.plugins.tooltip.padding = 10;
  Chart.defaults.elements.bar.borderRadius = 6;
  Chart.defaults.elements.line.tension = 0.3;
  Chart.defaults.elements.point.radius = 0;
  Chart.defaults.elements.point.hoverRadius = 4;
  Chart.defaults.elements.arc.borderColor = 'rgba(15, 23, 42, 0.9)';
}
