// A dashboard card: title, one-line caption, CSV and PNG downloads, and a body that is in one of
// four states — loading (skeleton), ready, empty, or error (with a retry). Each card owns its
// state, so one failing endpoint never blanks the page. A chart card also holds its chart as a
// table (the same labels and formatted figures): hidden from sight but read by screen readers
// while the chart shows, and shown in the chart's place by the card's "Table" toggle.

import { csvFileName, toCsv } from '../csv.js';
import { apiUrl } from '../state.js';
import { el } from './el.js';
import { renderTable } from './table.js';

export class Card {
  /**
   * @param {object} spec  { id, title, caption, route, kind: 'chart'|'html', wide, tall }
   * @param {{retry: () => void}} actions
   */
  constructor(spec, { retry }) {
    this.spec = spec;
    this.element = el('article', `card glass${spec.wide ? ' wide' : ''}${spec.tall ? ' tall' : ''}`);
    this.element.dataset.card = spec.id;
    this.element.dataset.route = spec.route;

    const header = el('header', 'card-header');
    const titles = el('div', 'card-titles');
    titles.append(el('h3', 'card-title', spec.title));
    this.caption = el('p', 'card-caption', spec.caption);
    titles.append(this.caption);
    header.append(titles);

    const tools = el('div', 'card-tools');
    this.csvLink = el('a', 'tool', 'CSV');
    this.csvLink.setAttribute('download', '');
    this.csvLink.setAttribute('aria-label', `Download ${spec.title} as CSV`);
    this.csvLink.dataset.download = 'csv';
    tools.append(this.csvLink);
    if (spec.kind === 'chart') {
      this.tableToggle = el('button', 'tool', 'Table');
      this.tableToggle.type = 'button';
      this.tableToggle.dataset.view = 'table';
      this.tableToggle.setAttribute('aria-pressed', 'false');
      this.tableToggle.setAttribute('aria-label', `Show ${spec.title} as a table`);
      this.tableToggle.addEventListener('click', () => this.showTable(this.tableToggle.getAttribute('aria-pressed') !== 'true'));
      tools.append(this.tableToggle);
      const png = el('button', 'tool', 'PNG');
      png.type = 'button';
      png.dataset.download = 'png';
      png.setAttribute('aria-label', `Download ${spec.title} as PNG`);
      png.addEventListener('click', () => this.downloadPng());
      tools.append(png);
    }
    header.append(tools);

    this.body = el('div', 'card-body');
    if (spec.kind === 'chart') {
      this.canvas = el('canvas');
      this.canvas.setAttribute('role', 'img');
      this.canvas.setAttribute('aria-label', `${spec.title}: ${spec.caption}`);
      this.canvas.dataset.route = spec.route;
      this.canvas.dataset.chart = spec.id;
      this.chartBox = el('div', 'chart-box');
      this.chartBox.append(this.canvas);
      this.table = el('div', 'chart-table visually-hidden');
      this.body.append(this.chartBox, this.table);
    } else {
      this.content = el('div', 'card-content');
      this.body.append(this.content);
    }
    this.status = el('div', 'card-status');
    this.status.setAttribute('role', 'status');
    this.body.append(this.status);
    this.element.append(header, this.body);
    this.retry = retry;
  }

  /** Points the CSV download at the API's CSV of the same query (cards with `clientCsv` make their own). */
  setPeriod(period) {
    if (!this.spec.clientCsv) this.csvLink.href = apiUrl(this.spec.route, period, 'csv');
  }

  /** The CSV of figures the API serves only as JSON: made in the page from what is drawn. */
  setClientCsv({ header, rows }, period) {
    if (this.csvObjectUrl) URL.revokeObjectURL(this.csvObjectUrl);
    this.csvObjectUrl = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: 'text/csv' }));
    this.csvLink.href = this.csvObjectUrl;
    this.csvLink.download = csvFileName(this.spec.id, period);
  }

  /** The chart's figures as a table ({columns: [{label, numeric}], rows: string[][]}), or none. */
  setTable(table) {
    if (!table) {
      this.table.replaceChildren();
      return;
    }
    const columns = table.columns.map((column, i) => ({ key: i, label: column.label, numeric: column.numeric, format: (text) => text }));
    renderTable(this.table, columns, table.rows, this.spec.title);
  }

  /** Shows the table in the chart's place (true) or the chart again, the table then read by screen readers only. */
  showTable(show) {
    this.tableToggle.setAttribute('aria-pressed', String(show));
    this.chartBox.hidden = show;
    this.table.classList.toggle('visually-hidden', !show);
  }

  setCaption(text) {
    this.caption.textContent = text;
  }

  setLoading() {
    this.setState('loading');
    this.status.replaceChildren(el('div', 'skeleton'));
  }

  setReady() {
    this.setState('ready');
    this.status.replaceChildren();
  }

  setEmpty(message = 'No data in this period.') {
    this.setState('empty');
    this.status.replaceChildren(el('p', 'status-text', message));
  }

  setError(error) {
    this.setState('error');
    const message = el('p', 'status-text error-text', `Could not load: ${error.message}`);
    const retry = el('button', 'button small', 'Retry');
    retry.type = 'button';
    retry.addEventListener('click', () => this.retry());
    this.status.replaceChildren(message, retry);
  }

  setState(state) {
    this.element.dataset.state = state;
  }

  /** The canvas as a PNG on the card's dark background (the canvas itself is transparent). */
  downloadPng() {
    const copy = document.createElement('canvas');
    copy.width = this.canvas.width;
    copy.height = this.canvas.height;
    const context = copy.getContext('2d');
    context.fillStyle = '#0f172a';
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(this.canvas, 0, 0);
    const link = document.createElement('a');
    link.download = `${this.spec.id}.png`;
    link.href = copy.toDataURL('image/png');
    link.click();
  }
}
