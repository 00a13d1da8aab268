// Unit tests of the eight tab modules: their ids and cards, and for each of the 23 chart cards what
// a person sees when the card draws an API-shaped sample: the axes' tick texts, where the axes sit,
// and the tooltip's lines (the callbacks called as Chart.js 4.5.1 calls them). Expected texts are
// written out by hand, never produced with the page's own formatters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tickTexts, sideOf, tooltipLines } from './chart-reading.mjs';
import { TAB_IDS } from '../../../web/HubAspire.Web/wwwroot/js/state.js';
import overview from '../../../web/HubAspire.Web/wwwroot/js/tabs/overview.js';
import revenue from '../../../web/HubAspire.Web/wwwroot/js/tabs/revenue.js';
import marketing from '../../../web/HubAspire.Web/wwwroot/js/tabs/marketing.js';
import email from '../../../web/HubAspire.Web/wwwroot/js/tabs/email.js';
import contacts from '../../../web/HubAspire.Web/wwwroot/js/tabs/contacts.js';
import support from '../../../web/HubAspire.Web/wwwroot/js/tabs/support.js';
import web from '../../../web/HubAspire.Web/wwwroot/js/tabs/web.js';
import companies from '../../../web/HubAspire.Web/wwwroot/js/tabs/companies.js';

const TABS = { overview, revenue, marketing, email, contacts, support, web, companies };
const CARDS = Object.values(TABS).flatMap((tab) => tab.cards);
const CHART_CARDS = CARDS.filter((card) => card.kind === 'chart');

function card(id) {
  const found = CARDS.find((c) => c.id === id);
  assert.ok(found, `no card ${id}`);
  return found;
}

// ------------------------------------------------------------------ API-shaped samples, by route

const MONTHS = ['2024-01', '2024-02', '2024-03'];

const KPIS = {
  total_records: 6_825_071,
  total_sessions: 4_850_000,
  total_marketing_events: 300_000,
  total_email_events: 1_234_567,
  total_contacts: 84_282,
  total_deals: 12_300,
  total_tickets: 9_876,
  total_companies: 512,
  won_revenue: 1_293_885_938.14,
  previous: null,
};

const SAMPLES = {
  'kpis': KPIS,
  'revenue-trend': {
    labels: MONTHS,
    datasets: [
      { label: 'Total Deal Value', data: [1_293_885_938.14, 1_234_567.49, 0] },
      { label: 'Weighted Pipeline', data: [412_345_678.9, 987_654.5, null] },
      { label: 'Won Revenue', data: [301_234_567.5, 250_000, 0] },
    ],
  },
  'revenue/quarterly': {
    labels: ['2024Q1', '2024Q2'],
    total_revenue: [1_850_000_000.25, 1_600_123_456.5],
    won_revenue: [301_234_567.5, 280_000_000],
    weighted_pipeline: [412_345_678.9, 390_000_000.49],
    deal_count: [12_345, 11_002],
    win_rate: [25, 24.96],
  },
  'deals/region': {
    labels: ['North America', 'Europe', 'Asia Pacific'],
    revenue: [1_234_567.4, 987_654.32, 55_000],
    win_rate: [25, 31.25, null],
    deal_count: [1_234, 987, 0],
  },
  'deals/industry': {
    labels: ['Technology', 'Healthcare', 'Finance', 'Manufacturing', 'Retail', 'Education', 'Real Estate', 'Media', 'Energy',
      'Transportation', 'Telecommunications', 'Hospitality'],
    revenue: [12_000_000, 11_000_000, 10_000_000, 9_000_000, 8_000_000, 7_000_000, 6_000_000, 5_000_000, 4_000_000,
      3_000_000.5, 2_000_000, 1_000_000],
    win_rate: [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31],
    deal_count: [1_000, 1_100, 1_200, 1_300, 1_400, 1_500, 1_600, 1_700, 1_800, 1_900, 2_000, 2_100],
  },
  'deals/pipeline': {
    labels: ['SMB', 'Mid-Market', 'Enterprise', 'Partner'],
    revenue: [1_000_000_000, 500_000_000, 300_000_000, 200_000_000],
    win_rate: [25, 22.5, 30.12, 18],
    deal_count: [12_300, 987, 456, 1_234],
  },
  'marketing/trend': {
    labels: MONTHS,
    datasets: [{ label: 'Events', data: [12_345, 23_456, 34_567] }, { label: 'Engagement %', data: [12.25, 30, 7.5] }],
  },
  'marketing/channels': {
    labels: ['Organic', 'Paid', 'Social'],
    event_count: [20_000, 16_000, 10_000],
    engagement_rate: [12.25, 30, 22],
    avg_duration: [180, 45, 125],
  },
  'marketing/events': { labels: ['Page View', 'Form Submit', 'CTA Click'], event_count: [12_345, 678, 0], engagement_rate: [12.25, 30, null] },
  'email/performance': {
    labels: ['Drip Campaign', 'Newsletter', 'Product Launch'],
    open_rate: [24.5, 18, 31.25],
    click_rate: [3.1, 2.25, 4],
    bounce_rate: [2, 1.5, 0.75],
    unsub_rate: [0.42, 0.375, 0.1],
  },
  'email/trend': {
    labels: MONTHS,
    datasets: [{ label: 'Open Rate %', data: [24.5, 22, 20] }, { label: 'Click Rate %', data: [3.1, 2.9, null] }],
  },
  'email/by-hour': { labels: ['00:00', '09:00', '23:00'], open_rate: [18.5, 26, 15.25], click_rate: [2, 3.75, 1.5] },
  'contacts/source': {
    labels: ['Organic Search', 'Referral', 'Paid Search'],
    count: [2_468, 1_234, 1_234],
    avg_score: [62.44, 48, 55.25],
    avg_engagement: [48.3, 12, 30],
  },
  'support/priority': {
    labels: ['Critical', 'High', 'Medium', 'Low'],
    ticket_count: [1_234, 3_456, 12_345, 7_890],
    avg_resolution: [4.2, 12, 49.8, 72.25],
    sla_compliance: [72.5, 64.25, 55, 49.94],
  },
  'support/category': {
    labels: ['Bug Report', 'Billing'],
    ticket_count: [2_345, 987],
    avg_resolution: [20.5, 8],
    sla_compliance: [65, 71.25],
    satisfaction: [3.8, 4.25],
  },
  'web/country': {
    labels: ['US', 'UK', 'DE', 'FR', 'CA', 'AU', 'JP', 'BR', 'IN', 'MX', 'KR', 'SG', 'NL', 'SE', 'ES', 'IT', 'PL'],
    sessions: [84_282, 50_000, 40_000, 30_000, 25_000, 20_000, 15_000, 12_300, 10_000, 9_000, 8_000, 7_000, 6_000, 5_000, 4_000, 3_000, 2_000],
    conversion_rate: [4.04, 3.5, 3.25, 3, 2.9, 2.8, 2.7, 2.6, 2.5, 2.4, 2.3, 2.2, 2.1, 2, 1.955, 1.8, 1.7],
  },
  'web/device': {
    labels: ['Desktop', 'Mobile', 'Tablet'],
    sessions: [5_000, 4_000, 1_000],
    bounce_rate: [45.2, 52, 38.75],
    conversion_rate: [4.04, 3.95, 2.5],
  },
  'web/trend': {
    labels: MONTHS,
    datasets: [{ label: 'Sessions', data: [84_282, 90_000, 12_300] }, { label: 'Conversion %', data: [4.04, 3.956, 4] }],
  },
  'companies/industry': {
    labels: ['Technology', 'Healthcare', 'Finance', 'Manufacturing', 'Retail', 'Education', 'Real Estate', 'Media', 'Energy',
      'Transportation', 'Telecommunications', 'Hospitality', 'Agriculture', 'Automotive', 'Pharmaceuticals', 'Aerospace',
      'Consulting', 'Insurance', 'Legal Services', 'Non-Profit'],
    count: [1_234, 1_100, 1_000, 900, 800, 700, 600, 500, 450, 400, 350, 300, 250, 200, 150, 100, 90, 80, 70, 60],
    avg_revenue: [24_812_345.67, 20_000_000, 19_000_000, 18_000_000, 17_000_000, 16_000_000, 15_000_000, 14_000_000, 13_000_000,
      12_000_000, 11_000_000, 10_000_000, 9_000_000, 8_000_000, 7_000_000, 6_000_000, 5_000_000, 4_000_000, 3_000_000, null],
  },
  'companies/region': {
    labels: ['North America', 'Europe', 'Asia Pacific', 'Latin America'],
    count: [300, 300, 450, 150],
    avg_revenue: [24_812_345.67, 18_500_000, 1_200_000.5, 950_000],
  },
};

/** The chart a card draws from its route's sample. */
const draw = (id) => card(id).build(SAMPLES[card(id).route]);

// ------------------------------------------------------------------ the tabs and their cards

test('the eight tab modules, in the order of TAB_IDS, each named like its file', () => {
  assert.deepEqual(Object.values(TABS).map((tab) => tab.id), TAB_IDS);
  for (const [file, tab] of Object.entries(TABS)) {
    assert.equal(tab.id, file);
    assert.equal(typeof tab.title, 'string');
    assert.ok(tab.title.length > 0);
  }
});

test('every card has an id, a title, a caption, a route and a kind, and draws itself', () => {
  for (const c of CARDS) {
    for (const key of ['id', 'title', 'caption', 'route']) {
      assert.equal(typeof c[key], 'string', `${c.id}.${key}`);
      assert.ok(c[key].length > 0, `${c.id}.${key}`);
    }
    assert.ok(['chart', 'html'].includes(c.kind), `${c.id}.kind`);
    assert.equal(typeof (c.kind === 'chart' ? c.build : c.render), 'function', `${c.id} draws itself`);
    assert.ok(!c.route.startsWith('/') && !c.route.includes('?'), `${c.id}.route is a bare API path`);
  }
});

test('card ids are unique across the tabs', () => {
  const ids = CARDS.map((c) => c.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
});

test('23 chart cards: 2 + 5 + 3 + 3 + 2 + 2 + 3 + 3', () => {
  assert.equal(CHART_CARDS.length, 23);
  assert.deepEqual(Object.values(TABS).map((tab) => tab.cards.filter((c) => c.kind === 'chart').length), [2, 5, 3, 3, 2, 2, 3, 3]);
});

test('every chart card draws its sample: the labels as sent, a category axis Chart.js labels itself, tooltips with no hole', () => {
  for (const c of CHART_CARDS) {
    const sample = SAMPLES[c.route];
    assert.ok(sample, `a sample for ${c.route}`);
    const config = c.build(sample);
    const labels = sample.labels ?? config.data.labels; // the records-per-entity card names its own
    assert.deepEqual(config.data.labels, labels.slice(0, config.data.labels.length), `${c.id}: the API's labels, in order`);
    if (config.type === 'line' || config.type === 'bar') {
      const categoryAxis = config.options.indexAxis ?? 'x';
      const { ticks } = config.options.scales[categoryAxis];
      if (config.type === 'line') {
        assert.equal(ticks.callback(0, 0, []), 'Jan 2024', `${c.id}: month ticks`);
      } else {
        assert.equal(Object.hasOwn(ticks, 'callback'), false, `${c.id}: no callback key on its category ticks`);
      }
      const valueAxes = Object.keys(config.options.scales).filter((id) => id !== categoryAxis);
      for (const id of valueAxes) assert.equal(typeof config.options.scales[id].ticks.callback, 'function', `${c.id}: ${id} ticks formatted`);
    }
    if (config.type === 'radar') assert.equal(Object.hasOwn(config.options.scales.r.pointLabels, 'callback'), false, `${c.id}: point labels`);
    const single = config.type === 'doughnut' || config.type === 'polarArea' || config.type === 'radar';
    for (let i = 0; i < config.data.labels.length; i++) {
      for (const datasets of single ? config.data.datasets.map((_, d) => [d]) : [undefined]) {
        for (const line of tooltipLines(config, i, datasets)) {
          assert.equal(typeof line, 'string', `${c.id}: tooltip line`);
          assert.doesNotMatch(line, /undefined|NaN|\[object/, `${c.id}: tooltip line "${line}"`);
        }
      }
    }
  }
});

// ------------------------------------------------------------------ overview

test('overview: the key figures card is never empty, records per entity only without records', () => {
  assert.equal(card('kpis').kind, 'html');
  assert.equal(card('kpis').isEmpty(KPIS), false);
  assert.equal(card('records-per-entity').isEmpty(KPIS), false);
  assert.equal(card('records-per-entity').isEmpty({ ...KPIS, total_records: 0 }), true);
});

test('overview › records per entity: entities down the left, compact counts along the bottom, exact in the tooltip', () => {
  const config = draw('records-per-entity');
  assert.deepEqual(config.data.labels, ['Web sessions', 'Marketing events', 'Email events', 'Contacts', 'Deals', 'Support tickets', 'Companies']);
  assert.equal(config.options.indexAxis, 'y');
  assert.equal(sideOf(config, 'y'), 'left');
  assert.equal(sideOf(config, 'x'), 'bottom');
  assert.deepEqual(tickTexts(config, 'x', [0, 1_000_000, 2_500_000, 5_000_000]), ['0', '1M', '2.5M', '5M']);
  assert.deepEqual(tooltipLines(config, 0), ['Web sessions', 'Records: 4,850,000']);
  assert.deepEqual(tooltipLines(config, 6), ['Companies', 'Records: 512']);
  assert.equal(config.options.plugins.legend.display, false);
});

test('overview and revenue › revenue trend: months, compact money on the axis, money in full in the tooltip', () => {
  assert.equal(card('overview-revenue-trend').wide, false);
  assert.equal(card('revenue-trend').wide, true);
  for (const id of ['overview-revenue-trend', 'revenue-trend']) {
    const config = draw(id);
    assert.equal(config.type, 'line');
    assert.deepEqual(tickTexts(config, 'x', [0, 1, 2]), ['Jan 2024', 'Feb 2024', 'Mar 2024']);
    assert.deepEqual(tickTexts(config, 'y', [0, 1_200_000, 500_000_000, 1_500_000_000]), ['$0', '$1.2M', '$500M', '$1.5B']);
    assert.equal('y1' in config.options.scales, false);
    assert.deepEqual(tooltipLines(config, 0), [
      'Jan 2024', 'Total Deal Value: $1,293,885,938', 'Weighted Pipeline: $412,345,679', 'Won Revenue: $301,234,568',
    ]);
    assert.deepEqual(tooltipLines(config, 1), ['Feb 2024', 'Total Deal Value: $1,234,567', 'Weighted Pipeline: $987,655', 'Won Revenue: $250,000']);
    assert.deepEqual(tooltipLines(config, 2), ['Mar 2024', 'Total Deal Value: $0', 'Weighted Pipeline: —', 'Won Revenue: $0']);
    assert.equal(config.options.plugins.legend.display, true);
  }
});

// ------------------------------------------------------------------ revenue & deals

test('revenue › quarterly: quarters as sent, compact money on the axis, three series then win rate and deals', () => {
  const config = draw('revenue-quarterly');
  assert.equal(Object.hasOwn(config.options.scales.x.ticks, 'callback'), false);
  assert.deepEqual(tickTexts(config, 'y', [0, 1_000_000_000, 2_000_000_000]), ['$0', '$1B', '$2B']);
  assert.deepEqual(tooltipLines(config, 0), [
    '2024Q1', 'Total deal value: $1,850,000,000', 'Won revenue: $301,234,568', 'Weighted pipeline: $412,345,679', 'Win rate: 25.0%', 'Deals: 12,345',
  ]);
  assert.deepEqual(tooltipLines(config, 1), [
    '2024Q2', 'Total deal value: $1,600,123,457', 'Won revenue: $280,000,000', 'Weighted pipeline: $390,000,000', 'Win rate: 25.0%', 'Deals: 11,002',
  ]);
});

test('revenue › by region: regions down the left, "$1.2M" along the bottom, revenue in full, win rate and deals', () => {
  const config = draw('revenue-by-region');
  assert.equal(config.options.indexAxis, 'y');
  assert.equal(sideOf(config, 'y'), 'left');
  assert.equal(sideOf(config, 'x'), 'bottom');
  assert.equal(Object.hasOwn(config.options.scales.y.ticks, 'callback'), false);
  assert.deepEqual(tickTexts(config, 'x', [0, 600_000, 1_200_000]), ['$0', '$600K', '$1.2M']);
  assert.deepEqual(tooltipLines(config, 0), ['North America', 'Revenue: $1,234,567', 'Win rate: 25.0%', 'Deals: 1,234']);
  assert.deepEqual(tooltipLines(config, 2), ['Asia Pacific', 'Revenue: $55,000', 'Win rate: —', 'Deals: 0']);
});

test('revenue › by industry: the top 10 of 12, their own win rates and deals in the tooltip', () => {
  const c = card('revenue-by-industry');
  const config = draw('revenue-by-industry');
  assert.equal(c.captionFor(SAMPLES['deals/industry']), 'Total deal value per industry, top 10 of 12');
  assert.equal(config.data.labels.length, 10);
  assert.equal(config.data.labels.at(-1), 'Transportation');
  assert.equal(config.data.datasets[0].data.length, 10);
  assert.equal(Object.hasOwn(config.options.scales.x.ticks, 'callback'), false);
  assert.deepEqual(tickTexts(config, 'y', [0, 5_000_000, 10_000_000]), ['$0', '$5M', '$10M']);
  assert.deepEqual(tooltipLines(config, 9), ['Transportation', 'Revenue: $3,000,001', 'Win rate: 29.0%', 'Deals: 1,900']);
});

test('revenue › by pipeline: each slice\'s revenue, share, win rate and deals', () => {
  const config = draw('revenue-by-pipeline');
  assert.equal(config.type, 'doughnut');
  assert.equal(config.options.plugins.legend.position, 'right');
  // Figures in full, as in every other tooltip.
  assert.deepEqual(tooltipLines(config, 0), ['Revenue: $1,000,000,000 (50.0%)', 'Win rate: 25.0%', 'Deals: 12,300']);
  assert.deepEqual(tooltipLines(config, 1), ['Revenue: $500,000,000 (25.0%)', 'Win rate: 22.5%', 'Deals: 987']);
  assert.deepEqual(tooltipLines(config, 3), ['Revenue: $200,000,000 (10.0%)', 'Win rate: 18.0%', 'Deals: 1,234']);
});

// ------------------------------------------------------------------ marketing

test('marketing › trend: events on the left, engagement on a right axis in whole percent', () => {
  const config = draw('marketing-trend');
  assert.equal(sideOf(config, 'y'), 'left');
  assert.equal(sideOf(config, 'y1'), 'right');
  assert.equal(config.options.scales.y1.max, undefined);
  assert.deepEqual(tickTexts(config, 'x', [2]), ['Mar 2024']);
  assert.deepEqual(tickTexts(config, 'y', [0, 10_000, 12_300, 40_000]), ['0', '10K', '12.3K', '40K']);
  assert.deepEqual(tickTexts(config, 'y1', [0, 12.5, 30]), ['0%', '13%', '30%']);
  assert.deepEqual(config.data.datasets.map((d) => d.yAxisID), ['y', 'y1']);
  assert.deepEqual(tooltipLines(config, 0), ['Jan 2024', 'Events: 12,345', 'Engagement %: 12.3%']);
});

test('marketing › channels: volume as % of the busiest channel, with events and average duration', () => {
  const config = draw('marketing-channels');
  assert.equal(config.type, 'radar');
  assert.deepEqual(config.data.datasets[0].data, [100, 80, 50]);
  assert.deepEqual(config.data.datasets[1].data, [12.25, 30, 22]);
  assert.equal(config.options.scales.r.max, 100);
  assert.deepEqual(tooltipLines(config, 1, [0]), ['Paid', 'Volume (% of max): 80.0% of the busiest channel', 'Events: 16,000', 'Avg duration: 45s']);
  assert.deepEqual(tooltipLines(config, 0, [1]), ['Organic', 'Engagement %: 12.3%', 'Events: 20,000', 'Avg duration: 3m 0s']);
  assert.deepEqual(tooltipLines(config, 2, [0]), ['Social', 'Volume (% of max): 50.0% of the busiest channel', 'Events: 10,000', 'Avg duration: 2m 5s']);
});

test('marketing › event types: events per slice and the engagement rate', () => {
  const config = draw('marketing-event-types');
  assert.equal(config.type, 'polarArea');
  assert.deepEqual(tooltipLines(config, 0), ['Events: 12,345', 'Engagement: 12.3%']);
  assert.deepEqual(tooltipLines(config, 2), ['Events: 0', 'Engagement: —']);
});

// ------------------------------------------------------------------ email

test('email › performance: campaign types as sent, "25%" on the axis, unsubscribes with two decimals', () => {
  const config = draw('email-performance');
  assert.equal(Object.hasOwn(config.options.scales.x.ticks, 'callback'), false);
  assert.deepEqual(tickTexts(config, 'y', [0, 12.5, 25, 37.5]), ['0%', '13%', '25%', '38%']);
  assert.deepEqual(tooltipLines(config, 0), ['Drip Campaign', 'Open %: 24.5%', 'Click %: 3.1%', 'Bounce %: 2.0%', 'Unsubscribe %: 0.42%']);
  assert.deepEqual(tooltipLines(config, 1), ['Newsletter', 'Open %: 18.0%', 'Click %: 2.3%', 'Bounce %: 1.5%', 'Unsubscribe %: 0.38%']);
  assert.deepEqual(config.data.datasets.map((d) => d.borderColor), ['#6366f1', '#22d3ee', '#f59e0b', '#ef4444']);
});

test('email › trend: months, whole percent on the axis, rates with one decimal', () => {
  const config = draw('email-trend');
  assert.deepEqual(tickTexts(config, 'x', [1]), ['Feb 2024']);
  assert.deepEqual(tickTexts(config, 'y', [0, 10, 25]), ['0%', '10%', '25%']);
  assert.deepEqual(tooltipLines(config, 2), ['Mar 2024', 'Open Rate %: 20.0%', 'Click Rate %: —']);
});

test('email › by send hour: hours as sent, whole percent on the axis', () => {
  const config = draw('email-by-hour');
  assert.equal(Object.hasOwn(config.options.scales.x.ticks, 'callback'), false);
  assert.deepEqual(tickTexts(config, 'y', [0, 30]), ['0%', '30%']);
  assert.deepEqual(tooltipLines(config, 1), ['09:00', 'Open %: 26.0%', 'Click %: 3.8%']);
});

// ------------------------------------------------------------------ contacts

test('contacts › by lead source: contacts and their share', () => {
  const config = draw('contacts-by-source');
  assert.deepEqual(tooltipLines(config, 0), ['Contacts: 2,468 (50.0%)']);
  assert.deepEqual(tooltipLines(config, 1), ['Contacts: 1,234 (25.0%)']);
});

test('contacts › score and engagement: whole numbers on both axes, one decimal in the tooltip', () => {
  const config = draw('score-by-source');
  assert.equal(sideOf(config, 'y'), 'left');
  assert.equal(sideOf(config, 'y1'), 'right');
  assert.deepEqual(tickTexts(config, 'y', [0, 12.5, 35, 70]), ['0', '13', '35', '70']);
  assert.deepEqual(tickTexts(config, 'y1', [0, 25, 50]), ['0', '25', '50']);
  assert.deepEqual(config.data.datasets.map((d) => [d.yAxisID, d.borderColor]), [['y', '#a78bfa'], ['y1', '#14b8a6']]);
  assert.deepEqual(tooltipLines(config, 0), ['Organic Search', 'Avg lead score: 62.4', 'Avg engagement: 48.3']);
  assert.deepEqual(tooltipLines(config, 1), ['Referral', 'Avg lead score: 48.0', 'Avg engagement: 12.0']);
});

// ------------------------------------------------------------------ support

test('support › by priority: tickets on the left, SLA compliance on a 0–100 % right axis, resolution hours', () => {
  const config = draw('support-by-priority');
  const { y, y1 } = config.options.scales;
  assert.equal(sideOf(config, 'y'), 'left');
  assert.equal(sideOf(config, 'y1'), 'right');
  assert.equal(y1.max, 100);
  assert.equal(y.max, undefined);
  assert.deepEqual(tickTexts(config, 'y', [0, 5_000, 12_500]), ['0', '5,000', '12,500']);
  assert.deepEqual(tickTexts(config, 'y1', [0, 20, 100]), ['0%', '20%', '100%']);
  assert.deepEqual(config.data.datasets.map((d) => d.type), ['bar', 'line']);
  assert.deepEqual(tooltipLines(config, 0), ['Critical', 'Tickets: 1,234', 'SLA compliance %: 72.5%', 'Avg resolution: 4.2h']);
  assert.deepEqual(tooltipLines(config, 3), ['Low', 'Tickets: 7,890', 'SLA compliance %: 49.9%', 'Avg resolution: 72.3h']);
});

test('support › by category: tickets, then SLA compliance and CSAT', () => {
  const config = draw('support-by-category');
  assert.deepEqual(tickTexts(config, 'y', [0, 2_500]), ['0', '2,500']);
  assert.deepEqual(tooltipLines(config, 0), ['Bug Report', 'Tickets: 2,345', 'SLA compliance: 65.0%', 'CSAT: 3.8/5']);
  assert.deepEqual(tooltipLines(config, 1), ['Billing', 'Tickets: 987', 'SLA compliance: 71.3%', 'CSAT: 4.3/5']);
});

// ------------------------------------------------------------------ web analytics

test('web › by country: the top 15 of 17 down the left, compact sessions along the bottom, conversion with two decimals', () => {
  const c = card('web-by-country');
  const config = draw('web-by-country');
  assert.equal(c.captionFor(SAMPLES['web/country']), 'Sessions per country, top 15 of 17');
  assert.equal(config.data.labels.length, 15);
  assert.equal(config.options.indexAxis, 'y');
  assert.equal(sideOf(config, 'y'), 'left');
  assert.equal(sideOf(config, 'x'), 'bottom');
  assert.deepEqual(tickTexts(config, 'x', [0, 50_000, 100_000]), ['0', '50K', '100K']);
  assert.deepEqual(tooltipLines(config, 0), ['US', 'Sessions: 84,282', 'Conversion: 4.04%']);
  assert.deepEqual(tooltipLines(config, 14), ['ES', 'Sessions: 4,000', 'Conversion: 1.96%']);
});

test('web › by device: sessions and share, bounce and conversion', () => {
  const config = draw('web-by-device');
  assert.deepEqual(tooltipLines(config, 1), ['Sessions: 4,000 (40.0%)', 'Bounce: 52.0%', 'Conversion: 3.95%']);
  assert.deepEqual(tooltipLines(config, 2), ['Sessions: 1,000 (10.0%)', 'Bounce: 38.8%', 'Conversion: 2.50%']);
});

test('web › trend: compact sessions on the left, conversion with one decimal on the right, two in the tooltip', () => {
  const config = draw('web-trend');
  assert.equal(sideOf(config, 'y1'), 'right');
  assert.deepEqual(tickTexts(config, 'y', [0, 50_000, 100_000]), ['0', '50K', '100K']);
  assert.deepEqual(tickTexts(config, 'y1', [0, 2.5, 4]), ['0.0%', '2.5%', '4.0%']);
  assert.deepEqual(config.data.datasets.map((d) => d.borderColor), ['#22d3ee', '#10b981']);
  assert.deepEqual(tooltipLines(config, 1), ['Feb 2024', 'Sessions: 90,000', 'Conversion %: 3.96%']);
});

// ------------------------------------------------------------------ companies

test('companies › by industry: all 20 industries, counts, average revenue in the tooltip', () => {
  const config = draw('companies-by-industry');
  assert.equal(config.data.labels.length, 20);
  assert.equal(Object.hasOwn(config.options.scales.x.ticks, 'callback'), false);
  assert.deepEqual(tickTexts(config, 'y', [0, 1_500]), ['0', '1,500']);
  assert.deepEqual(tooltipLines(config, 0), ['Technology', 'Companies: 1,234', 'Avg annual revenue: $24,812,346']);
  assert.deepEqual(tooltipLines(config, 19), ['Non-Profit', 'Companies: 60', 'Avg annual revenue: —']);
});

test('companies › by region: companies and their share', () => {
  const config = draw('companies-by-region');
  assert.deepEqual(tooltipLines(config, 0), ['Companies: 300 (25.0%)']);
  assert.deepEqual(tooltipLines(config, 2), ['Companies: 450 (37.5%)']);
});

test('companies › average annual revenue by region: compact money on the axis, in full in the tooltip', () => {
  const config = draw('revenue-by-company-region');
  assert.equal(Object.hasOwn(config.options.scales.x.ticks, 'callback'), false);
  assert.deepEqual(tickTexts(config, 'y', [0, 1_200_000, 25_000_000]), ['$0', '$1.2M', '$25M']);
  assert.deepEqual(tooltipLines(config, 0), ['North America', 'Avg annual revenue: $24,812,346']);
  assert.deepEqual(tooltipLines(config, 2), ['Asia Pacific', 'Avg annual revenue: $1,200,001']);
});
