// One tab's panel: its cards are built the first time the tab opens (so a chart is created at
// its visible size) and loaded for the current period; a period change reloads the visible panel
// at once and the others when they are next opened.

import { getJson } from './api.js';
import { isEmpty } from './shaping.js';
import { Card } from './widgets/card.js';
import { el } from './widgets/el.js';

export class Panel {
  /**
   * @param {{id: string, title: string, cards: object[]}} tab
   * @param {{onNoRun: (error) => void}} hooks
   */
  constructor(tab, { onNoRun }) {
    this.tab = tab;
    this.onNoRun = onNoRun;
    this.element = el('section', 'panel');
    this.element.id = `panel-${tab.id}`;
    this.element.setAttribute('role', 'tabpanel');
    this.element.setAttribute('aria-labelledby', `tab-${tab.id}`);
    this.element.hidden = true;
    this.cards = null;
    this.loadedFor = null;
    this.period = null; // the period of the current show: what a retry reloads and a client-made CSV is named after
    this.charts = new Map();
  }

  /** Shows the panel and makes sure it holds the figures of `period`; resolves when every card has settled. */
  async show(period) {
    this.element.hidden = false;
    if (!this.cards) this.build();
    const key = JSON.stringify(period);
    if (this.loadedFor === key) return this.settled;
    this.loadedFor = key;
    this.period = period;
    this.settled = Promise.all(this.cards.map((card) => this.load(card, period)));
    return this.settled;
  }

  hide() {
    this.element.hidden = true;
  }

  /** The next show reloads (period changed while hidden, or a new run is served). */
  invalidate() {
    this.loadedFor = null;
  }

  build() {
    // The tab's name heads its cards for screen readers (the tab button names it for the eye).
    this.element.append(el('h2', 'visually-hidden', this.tab.title));
    const grid = el('div', 'grid');
    this.cards = this.tab.cards.map((spec) => {
      const card = new Card(spec, { retry: () => this.load(card, this.period) });
      grid.append(card.element);
      return card;
    });
    this.element.append(grid);
  }

  async load(card, period) {
    card.setPeriod(period);
    // A card that already shows figures keeps them while the new ones load (no flashing skeleton).
    if (card.element.dataset.state !== 'ready') card.setLoading();
    else card.element.dataset.refreshing = 'true';
    try {
      const data = await getJson(card.spec.route, period);
      if (JSON.stringify(period) !== this.loadedFor) return; // a newer period was chosen meanwhile
      this.draw(card, data);
    } catch (error) {
      if (error.isNoRun) this.onNoRun(error);
      card.setError(error);
      this.destroyChart(card);
    } finally {
      delete card.element.dataset.refreshing;
    }
  }

  draw(card, data) {
    const { spec } = card;
    if (spec.captionFor) card.setCaption(spec.captionFor(data));
    if (spec.clientCsv) card.setClientCsv(spec.clientCsv(data), this.period);
    if (spec.isEmpty ? spec.isEmpty(data) : isEmpty(data)) {
      this.destroyChart(card);
      card.content?.replaceChildren();
      if (spec.kind === 'chart') card.setTable(null);
      card.setEmpty();
      return;
    }
    if (spec.kind === 'chart') {
      const { table, ...config } = spec.build(data);
      card.setTable(table);
      const chart = this.charts.get(card);
      if (chart) {
        chart.data = config.data;
        chart.options = config.options;
        chart.update('none'); // no animation on data updates beyond the first draw
      } else {
        this.charts.set(card, new globalThis.Chart(card.canvas, config));
      }
    } else {
      spec.render(card.content, data);
    }
    card.setReady();
  }

  destroyChart(card) {
    this.charts.get(card)?.destroy();
    this.charts.delete(card);
  }
}
