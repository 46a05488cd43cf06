/** The area dashboard; every chart has a table view with the same numbers. */
import {
  QUEST_STATUSES,
  SUPERPOWER_INFO,
  SUPERPOWERS,
  transparencyContracts,
  type Dashboard,
} from '@govcraft/shared';
import { call, urlOf } from '../net/call';
import { asCardTable } from '../ui/card-table';
import { h, replaceChildren } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { numberText } from '../ui/format';
import type { ConsoleContext, Section } from './types';

interface Series {
  label: string;
  value: number;
  colour?: string;
}

/** A horizontal bar chart (hidden from screen readers) plus its table. */
export function chartWithTable(title: string, unit: string, rows: Series[]): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return h(
    'section',
    { class: 'chart-block' },
    h('h2', {}, title),
    rows.length
      ? [
          h(
            'div',
            { class: 'chart', 'aria-hidden': 'true' },
            rows.map((r) =>
              h(
                'div',
                { class: 'chart-row' },
                h('span', {}, r.label),
                h('span', {
                  class: 'chart-bar',
                  style: `width:${((r.value / max) * 100).toFixed(1)}%;${r.colour ? `background:${r.colour}` : ''}`,
                }),
                h('span', {}, numberText(r.value)),
              ),
            ),
          ),
          h(
            'details',
            {},
            h('summary', {}, `${title} as a table`),
            h(
              'table',
              {},
              h(
                'thead',
                {},
                h('tr', {}, h('th', { scope: 'col' }, 'Item'), h('th', { scope: 'col' }, unit)),
              ),
              h(
                'tbody',
                {},
                rows.map((r) =>
                  h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, numberText(r.value))),
                ),
              ),
            ),
          ),
        ]
      : h('p', { class: 'hint' }, 'No data yet.'),
  );
}

function stat(label: string, value: number | undefined): HTMLElement {
  return h(
    'div',
    { class: 'stat' },
    h('strong', {}, value === undefined ? '—' : numberText(value)),
    label,
  );
}

const PART_LABELS = { economic: 'Economic', social: 'Social', environmental: 'Environmental' };

/** Economic, social and environmental parts of the estimate, with its caveats. */
function socialValueSplit(d: Dashboard, gbp: (n: number) => string): HTMLElement {
  const split = d.socialValueSplit;
  return h(
    'section',
    {},
    h('h2', {}, 'Social value by kind'),
    h('p', {}, split.method),
    asCardTable(
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Part', 'Value', 'What it stands for'].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          split.parts.map((p) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, PART_LABELS[p.part]),
              h('td', {}, gbp(p.valueGbp)),
              h('td', {}, p.meaning),
            ),
          ),
        ),
      ),
    ),
    h('h3', {}, 'Caveats'),
    h(
      'ul',
      {},
      split.caveats.map((c) => h('li', {}, c)),
    ),
  );
}

/** Time credits, ratings and (when reported) money against outcomes. */
function creditsAndRatings(d: Dashboard, gbp: (n: number) => string): HTMLElement[] {
  const c = d.credits;
  const avg = d.ratings.overall.average;
  return [
    h('h2', {}, 'Time credits and ratings'),
    h(
      'div',
      { class: 'stat-grid' },
      stat('Credits issued', c.issued),
      stat('Credits redeemed', c.redeemed),
      stat('Credits held by residents', c.outstanding),
      stat('Credits taken back', c.reversed),
      stat('Partners', c.partners),
      stat('Codes confirmed', c.codesConfirmed),
      stat(
        `Ratings (average ${avg === null ? 'none yet' : `${avg.toFixed(1)} of 5`})`,
        d.ratings.overall.count,
      ),
      d.money ? stat(`Budgets allocated (${gbp(d.money.budgetsAllocatedGbp)})`, undefined) : null,
      d.money ? stat(`Money released (${gbp(d.money.releasedGbp)})`, undefined) : null,
    ),
    chartWithTable(
      'Average rating by superpower',
      'Stars (1–5)',
      SUPERPOWERS.filter((s) => d.ratings.bySuperpower[s].average !== null).map((s) => ({
        label: `${SUPERPOWER_INFO[s].label} (${d.ratings.bySuperpower[s].count} ratings)`,
        value: d.ratings.bySuperpower[s].average ?? 0,
        colour: SUPERPOWER_INFO[s].colour,
      })),
    ),
  ];
}

function renderDashboard(d: Dashboard): HTMLElement[] {
  const open = (d.questsByStatus.published ?? 0) + (d.questsByStatus.active ?? 0);
  const closed = (d.questsByStatus.closed ?? 0) + (d.questsByStatus.archived ?? 0);
  const sv = d.socialValue;
  const gbp = (n: number) =>
    new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: 'GBP',
      maximumFractionDigits: 0,
    }).format(n);
  return [
    h(
      'div',
      { class: 'stat-grid' },
      stat('Quests open', open),
      stat('Quests closed', closed),
      stat('Verified completions', d.totalVerified),
      stat(`Active residents (${d.activeWindowDays} days)`, d.activeResidents),
      stat(`Active teams (${d.activeWindowDays} days)`, d.activeTeams),
    ),
    chartWithTable(
      'Verified completions per week',
      'Completions',
      d.completionsByWeek.map((w) => ({ label: `w/c ${w.weekStart}`, value: w.verified })),
    ),
    chartWithTable(
      'XP by superpower',
      'XP',
      SUPERPOWERS.map((s) => ({
        label: SUPERPOWER_INFO[s].label,
        value: d.xpBySuperpower[s] ?? 0,
        colour: SUPERPOWER_INFO[s].colour,
      })),
    ),
    chartWithTable(
      'Busiest places',
      'Completions',
      d.topPlaces.map((p) => ({ label: p.title, value: p.verified })),
    ),
    chartWithTable(
      'Quests by status',
      'Quests',
      QUEST_STATUSES.map((s) => ({ label: s, value: d.questsByStatus[s] ?? 0 })),
    ),
    h(
      'section',
      {},
      h('h2', {}, 'Social value summary'),
      h(
        'p',
        {},
        h('strong', {}, `${sv.label}: ${gbp(sv.totalGbp)}`),
        ' (an estimate). ',
        sv.method,
      ),
      asCardTable(
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Superpower', 'Completions', '£ each', 'Value', 'Basis'].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            sv.bySuperpower.map((l) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, SUPERPOWER_INFO[l.superpower].label),
                h('td', {}, numberText(l.verified)),
                h('td', {}, gbp(l.gbpPerCompletion)),
                h('td', {}, gbp(l.valueGbp)),
                h('td', {}, l.basis),
              ),
            ),
          ),
        ),
      ),
    ),
    socialValueSplit(d, gbp),
    ...creditsAndRatings(d, gbp),
  ];
}

export function dashboardSection(ctx: ConsoleContext): Section {
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading the dashboard…'));
  const params = { slug: ctx.area.slug };
  call(transparencyContracts.getDashboard, { params }).then(
    (d) => replaceChildren(body, renderDashboard(d)),
    (err) => replaceChildren(body, h('p', { class: 'empty-state' }, errorMessage(err))),
  );
  return {
    el: h(
      'section',
      {},
      h('h1', {}, `${ctx.area.name} dashboard`),
      h(
        'p',
        {},
        'Open data for residents: ',
        h(
          'a',
          { href: urlOf(transparencyContracts.getOpenDataQuestsCsv, { params }) },
          'quests as CSV',
        ),
        ' · ',
        h('a', { href: urlOf(transparencyContracts.getOpenDataQuests, { params }) }, 'JSON'),
      ),
      body,
    ),
  };
}
