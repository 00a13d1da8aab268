// The dashboard page: header (served run, total records, period filter), the eight tabs with
// their state in the URL, the new-data notice and the "no run yet" page. What each tab shows is
// in tabs/; how a card loads and draws is in panel.js.

import { clearCache, getJson, getLatestRun } from './api.js';
import { applyChartDefaults } from './charts/theme.js';
import { count, integer, month, timeAgo } from './format.js';
import { Panel } from './panel.js';
import { describePeriod, matchingPresets, presetPeriod, PRESETS } from './periods.js';
import { parseState, stateToSearch, TAB_IDS } from './state.js';
import overview from './tabs/overview.js';
import revenue from './tabs/revenue.js';
import marketing from './tabs/marketing.js';
import email from './tabs/email.js';
import contacts from './tabs/contacts.js';
import support from './tabs/support.js';
import web from './tabs/web.js';
import companies from './tabs/companies.js';

/** The tab modules in the order of state.js's TAB_IDS; a module without an id there, or an id without a module, stops the page at once. */
function tabsInOrder(modules) {
  const byId = new Map(modules.map((tab) => [tab.id, tab]));
  if (byId.size !== modules.length || byId.size !== TAB_IDS.length || !TAB_IDS.every((id) => byId.has(id))) {
    throw new Error(`The tab modules (${modules.map((tab) => tab.id).join(', ')}) do not match TAB_IDS (${TAB_IDS.join(', ')}).`);
  }
  return TAB_IDS.map((id) => byId.get(id));
}

const TABS = tabsInOrder([overview, revenue, marketing, email, contacts, support, web, companies]);
// How often the served run is checked: rarely while one is shown, often while waiting for the first.
const NEW_RUN_POLL_MS = 30_000;
const FIRST_RUN_POLL_MS = 5_000;

const $ = (id) => document.getElementById(id);

class Dashboard {
  constructor() {
    this.state = parseState(location.search);
    this.panels = new Map(TABS.map((tab) => [tab.id, new Panel(tab, { onNoRun: (error) => this.showNoRun(error) })]));
    this.range = null;
    this.run = null;
    this.noRun = false; // true once the API has said no run exists yet
  }

  async start() {
    applyChartDefaults(globalThis.Chart);
    this.buildTabs();
    this.bindPeriodForm();
    $('refresh').addEventListener('click', () => this.reloadAll());
    $('new-data-load').addEventListener('click', () => this.reloadAll());
    window.addEventListener('popstate', () => this.applyState(parseState(location.search)));

    // The visible tab loads at once, alongside the served run and the data range: the page does
    // not wait a round trip before its first card request.
    this.render();
    this.firstRunLoad = this.loadRun();
    await this.firstRunLoad;
    this.renderPeriodForm(); // the data range is known now: the inputs' bounds, the active preset
    this.scheduleRunCheck();
  }

  scheduleRunCheck() {
    setTimeout(async () => {
      await this.checkForNewRun();
      this.scheduleRunCheck();
    }, this.noRun ? FIRST_RUN_POLL_MS : NEW_RUN_POLL_MS);
  }

  // ---------------------------------------------------------------- tabs

  buildTabs() {
    const list = $('tabs');
    const main = $('panels');
    for (const tab of TABS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = `tab-${tab.id}`;
      button.className = 'tab';
      button.textContent = tab.title;
      button.dataset.tab = tab.id;
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-controls', `panel-${tab.id}`);
      button.addEventListener('click', () => this.navigate({ ...this.state, tab: tab.id }));
      list.append(button);
      main.append(this.panels.get(tab.id).element);
    }
    // Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation).
    list.addEventListener('keydown', (event) => {
      const index = TABS.findIndex((t) => t.id === this.state.tab);
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const tab = TABS[(next + TABS.length) % TABS.length];
      this.navigate({ ...this.state, tab: tab.id });
      $(`tab-${tab.id}`).focus();
    });
  }

  // ---------------------------------------------------------------- state and URL

  /** A user action: the new view gets its own history entry, then is shown. */
  navigate(state) {
    if (stateToSearch(state) !== stateToSearch(this.state)) {
      history.pushState(null, '', `${location.pathname}${stateToSearch(state)}`);
    }
    this.applyState(state);
  }

  applyState(state) {
    const periodChanged = state.from !== this.state.from || state.to !== this.state.to;
    this.state = state;
    if (periodChanged) for (const panel of this.panels.values()) panel.invalidate();
    this.render();
  }

  get period() {
    return { from: this.state.from, to: this.state.to };
  }

  /** Shows the active tab (loading it if needed) and brings the header in line with the state. */
  render() {
    for (const tab of TABS) {
      const active = tab.id === this.state.tab;
      const button = $(`tab-${tab.id}`);
      button.setAttribute('aria-selected', String(active));
      button.tabIndex = active ? 0 : -1;
      if (!active) this.panels.get(tab.id).hide();
    }
    this.revealTab($(`tab-${this.state.tab}`));
    this.renderPeriodForm();
    if (this.noRun) return; // the full-page message is up
    const panel = this.panels.get(this.state.tab);
    const started = performance.now();
    document.body.dataset.loading = this.state.tab;
    // Timings for tests and the benchmark: how long this tab took to draw, and when the page
    // first finished drawing, counted from navigation start.
    panel.show(this.period).then(() => {
      if (document.body.dataset.loading === this.state.tab) {
        delete document.body.dataset.loading;
        document.body.dataset.drawnMs = String(Math.round(performance.now() - started));
        document.body.dataset.firstDrawnMs ??= String(Math.round(performance.now()));
      }
    });
  }

  /**
   * Scrolls the tab bar sideways until the active tab is in sight with a little of its
   * neighbours: on a phone, a link to ?tab=companies shows which tab is open. Only the bar
   * scrolls (scrollIntoView would also move the page, to the bar, on every period change).
   */
  revealTab(button) {
    const bar = $('tab-bar');
    if (bar.scrollWidth <= bar.clientWidth) return;
    const margin = 28; // a glimpse of the next tab says the bar scrolls
    const visibleLeft = bar.getBoundingClientRect().left + bar.clientLeft;
    const box = button.getBoundingClientRect();
    const left = box.left - visibleLeft;
    const right = box.right - visibleLeft;
    if (left < margin) bar.scrollLeft += left - margin;
    else if (right > bar.clientWidth - margin) bar.scrollLeft += right - (bar.clientWidth - margin);
  }

  // ---------------------------------------------------------------- period filter

  bindPeriodForm() {
    const presets = $('period-presets');
    for (const preset of PRESETS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'chip';
      button.textContent = preset.label;
      button.dataset.preset = preset.id;
      // A click before the data range is known waits for it rather than being lost.
      button.addEventListener('click', async () => {
        await this.firstRunLoad;
        if (!this.range) return;
        this.navigate({ ...this.state, ...presetPeriod(preset.id, this.range) });
      });
      presets.append(button);
    }
    // Where the stylesheet hides the month inputs' picker button for room, a tap on the field opens it.
    const narrow = matchMedia('(max-width: 480px)');
    for (const input of [$('period-from'), $('period-to')]) {
      input.addEventListener('click', () => {
        if (!narrow.matches) return;
        try {
          input.showPicker();
        } catch {
          // already open, or no picker in this browser: the fields still take typed months
        }
      });
    }
    $('period-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      await this.firstRunLoad; // the data's own ends are known before the period is normalised
      let from = $('period-from').value || null;
      let to = $('period-to').value || null;
      if (from && to && from > to) [from, to] = [to, from];
      // The data's own ends mean "no limit": the URL stays short and the "All" preset lights up.
      if (from === this.range?.first_month) from = null;
      if (to === this.range?.last_month) to = null;
      this.navigate({ ...this.state, from, to });
    });
  }

  renderPeriodForm() {
    $('period-from').value = this.state.from ?? this.range?.first_month ?? '';
    $('period-to').value = this.state.to ?? this.range?.last_month ?? '';
    if (this.range) {
      for (const input of [$('period-from'), $('period-to')]) {
        input.min = this.range.first_month;
        input.max = this.range.last_month;
      }
    }
    const active = matchingPresets(this.period, this.range);
    for (const button of $('period-presets').children) {
      button.setAttribute('aria-pressed', String(active.includes(button.dataset.preset)));
    }
    document.title = `HubAspire · ${TABS.find((t) => t.id === this.state.tab).title} · ${describePeriod(this.period, month)}`;
  }

  // ---------------------------------------------------------------- the served run

  /**
   * Reads the served run (unless the caller has just read it) and the data range; shows the
   * "no run yet" page when there is none.
   */
  async loadRun(latest) {
    try {
      const [run, meta] = await Promise.all([latest ?? getLatestRun(), getJson('meta', {})]);
      this.run = run;
      this.range = meta.data_range;
      this.hideNoRun();
      this.renderRun();
    } catch (error) {
      if (error.isNoRun) this.showNoRun(error);
      else $('run-line').textContent = `Could not read the served run: ${error.message}`;
      this.run = null;
    }
  }

  renderRun() {
    const run = this.run;
    const finished = new Date(run.finished_at);
    document.body.dataset.run = String(run.id); // the header shows this run: what tests wait for
    $('total-records').textContent = count(run.dataset.total_rows);
    $('total-records').title = `${integer(run.dataset.total_rows)} records`;
    const line = $('run-line');
    line.replaceChildren();
    line.append(`Run #${run.id} · finished ${finished.toLocaleString()} (`);
    const ago = document.createElement('time');
    ago.dateTime = run.finished_at;
    ago.textContent = timeAgo(finished);
    line.append(ago, `) · data ${month(this.range.first_month)} – ${month(this.range.last_month)}`);
  }

  async checkForNewRun() {
    let latest;
    try {
      latest = await getLatestRun();
    } catch {
      return; // the cards say what is wrong when they next load; the poll just tries again
    }
    if (this.noRun || this.run === null) {
      await this.reloadAll(latest); // the first run has arrived (or the API is back)
    } else if (latest.id !== this.run.id) {
      $('new-data').hidden = false;
    } else {
      this.renderRun(); // keeps "x minutes ago" current
    }
  }

  /** Forgets every cached figure and reloads the served run (`latest`, when just read) and the visible tab. */
  async reloadAll(latest) {
    $('new-data').hidden = true;
    clearCache();
    for (const panel of this.panels.values()) panel.invalidate();
    await this.loadRun(latest);
    this.render();
  }

  showNoRun(error) {
    this.noRun = true;
    delete document.body.dataset.run;
    $('no-run').hidden = false;
    $('panels').hidden = true;
    if (error?.message) $('no-run-message').textContent = `${error.message} This page refreshes by itself when a run is served.`;
    $('run-line').textContent = 'No run served yet';
  }

  hideNoRun() {
    this.noRun = false;
    $('no-run').hidden = true;
    $('panels').hidden = false;
  }
}

new Dashboard().start();
