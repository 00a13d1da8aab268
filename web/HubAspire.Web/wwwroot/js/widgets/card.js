// A dashboard card: title, one-line caption, CSV and PNG downloads, and a body that is in one of
// four states — loading (skeleton), ready, empty, or error (with a retry). Each card owns its
// state, so one failing endpoint never blanks the page.

import { csvFileName, toCsv } from '../csv.js';
import { apiUrl } from '../state.js';

/** Creates an element with a class and optional text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

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
      const box = el('div', 'chart-box');
      box.append(this.canvas);
      this.body.append(box);
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
