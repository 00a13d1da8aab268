// What Chart.js 4.5.1 does with a configuration, for the node tests that read a chart as a person
// sees it: the tick texts an axis draws, the side it sits on, and a tooltip's lines. Not a test
// file itself (the C# wrapper runs *.test.mjs only).

/** The texts Chart.js draws for ticks at these values: each value through the axis's callback (value, index, ticks). */
export function tickTexts(config, scaleId, values) {
  const { callback } = config.options.scales[scaleId].ticks;
  const ticks = values.map((value) => ({ value }));
  return values.map((value, i) => callback(value, i, ticks));
}

/**
 * The side Chart.js 4.5.1 draws an axis on (Chart.buildOrUpdateScales): its `position` when that
 * fits the axis's direction, else bottom for an x axis and left for a y axis. An axis whose id is
 * not x or y (y1) takes its direction from its position, failing that from its id's first letter.
 */
export function sideOf(config, scaleId) {
  const { position, axis } = config.options.scales[scaleId];
  const direction = ['x', 'y'].includes(scaleId) ? scaleId
    : axis ?? { top: 'x', bottom: 'x', left: 'y', right: 'y' }[position] ?? scaleId[0];
  const fits = direction === 'x' ? ['top', 'bottom'] : ['left', 'right'];
  return fits.includes(position) ? position : (direction === 'x' ? 'bottom' : 'left');
}

/** The item Chart.js hands the tooltip callbacks for one point of one dataset. */
function tooltipItem(config, datasetIndex, dataIndex) {
  const dataset = config.data.datasets[datasetIndex];
  return { label: String(config.data.labels[dataIndex]), raw: dataset.data[dataIndex], dataset, datasetIndex, dataIndex };
}

/**
 * The tooltip's lines in Chart.js's order: title, then each item's label and afterLabel lines, then
 * afterBody. A callback may answer a line or lines; an empty answer adds none. `datasets` are the
 * items shown: every series at the index for line and bar charts (mode 'index'), else the hovered one.
 * Chart.js collects the items in drawing order (a dataset's `order`, then its index), then applies
 * the tooltip's `itemSort` if it has one.
 */
export function tooltipLines(config, dataIndex, datasets = config.data.datasets.map((_, i) => i)) {
  const { callbacks, itemSort } = config.options.plugins.tooltip;
  const lines = (answer) => (answer ? [answer].flat() : []);
  const drawn = (a, b) => (a.dataset.order ?? 0) - (b.dataset.order ?? 0) || a.datasetIndex - b.datasetIndex;
  const items = datasets.map((d) => tooltipItem(config, d, dataIndex)).sort(drawn).sort((a, b) => (itemSort ? itemSort(a, b) : 0));
  return [
    ...lines(callbacks.title?.(items)),
    ...items.flatMap((item) => [...lines(callbacks.label(item)), ...lines(callbacks.afterLabel?.(item))]),
    ...lines(callbacks.afterBody?.(items)),
  ];
}
