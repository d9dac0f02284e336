import type { z } from '@hono/zod-openapi';
import { minorUnitExponent } from '../../../../functions/domain/money.js';
import type { PavilionBalanceSchema } from '../../../../functions/http/schemas/settlement.js';
import { locale } from '../operator/i18n.js';
import { currentToken, forgetToken } from '../operator/session.js';
import { applyStatementLanguage, trStatement } from './operator-words.js';
import { currentChinaMonth, periodOfMonth, renderStatement, saveCsv, type Statement } from './statement-view.js';

/**
 * Every pavilion's balance (GET /api/operator/balances), the statement of the one picked
 * (GET /api/operator/statements) and a payout recorded against it (POST …/payouts): the API refuses
 * more than the balance, and the page shows its problem's words.
 */
type Balance = z.infer<typeof PavilionBalanceSchema>;
const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const picker = $<HTMLInputElement>('[data-statement-month]');
const form = $<HTMLFormElement>('[data-payout]');
let selected: Balance | null = null;

const money = (amount: number, currency: string) => {
  const exponent = minorUnitExponent(currency);
  return new Intl.NumberFormat(locale(), { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(amount / 10 ** exponent);
};
const dateTime = (iso: string) => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const words = { tr: trStatement, money, dateTime };

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`/api/operator${path}`, { ...init, cache: 'no-store', headers: { accept: 'application/json', authorization: `Bearer ${currentToken()}`, ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  if (response.status === 401) {
    forgetToken();
    signedOut();
  }
  return response;
}

function signedOut(): void {
  $('[data-page]').hidden = true;
  $('[data-signin]').hidden = false;
  document.body.dataset.state = 'signed-out';
}

async function loadBalances(): Promise<void> {
  const response = await call('/balances');
  if (!response.ok) return;
  const { items } = (await response.json()) as { items: Balance[] };
  $('[data-balance-rows]').replaceChildren(...items.map((item) => {
    const row = document.createElement('tr');
    row.dataset.pavilion = item.pavilion;
    const cell = (text: string, label: string, className = '') => {
      const td = document.createElement('td');
      td.textContent = text;
      td.dataset.label = trStatement(label);
      if (className) td.className = className;
      return td;
    };
    const balance = cell(money(item.balance.amount, item.currency), 'op.col.balance', 'num');
    balance.dataset.amount = String(item.balance.amount);
    const action = document.createElement('td');
    const show = document.createElement('button');
    show.type = 'button';
    show.className = 'button button--small';
    show.textContent = trStatement('op.show');
    show.addEventListener('click', () => void select(item));
    action.append(show);
    row.append(cell(item.pavilion, 'op.col.pavilion'), balance, cell(`${(item.commissionBp / 100).toFixed(2)} %`, 'op.col.rate', 'num'), action);
    return row;
  }));
  if (selected) selected = items.find((item) => item.pavilion === selected!.pavilion) ?? null;
}

async function select(balance: Balance): Promise<void> {
  selected = balance;
  $('[data-statement]').hidden = false;
  $('[data-statement-title]').textContent = trStatement('op.statementOf', { pavilion: balance.pavilion });
  $('[data-payout-amount-label]').textContent = trStatement('op.payout.amount', { currency: balance.currency });
  await loadStatement();
}

const query = () => {
  const { from, to } = periodOfMonth(picker.value || currentChinaMonth());
  return `pavilion=${selected!.pavilion}&from=${from}&to=${to}`;
};

async function loadStatement(): Promise<void> {
  if (!selected) return;
  const response = await call(`/statements?${query()}`);
  if (!response.ok) return;
  renderStatement(document, (await response.json()) as Statement, words);
  document.body.dataset.statement = 'ready';
}

/** "1250.5" or "1250,50" as minor units of the pavilion's currency; null when it is not an amount. */
function minorUnits(text: string, currency: string): number | null {
  const exponent = minorUnitExponent(currency);
  const match = /^(\d{1,12})(?:[.,](\d+))?$/.exec(text.trim().replace(/[\s\u00a0]/g, ''));
  if (!match || (match[2] ?? '').length > exponent) return null;
  return Number(match[1]) * 10 ** exponent + Number((match[2] ?? '').padEnd(exponent, '0') || '0');
}

async function recordPayout(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  if (!selected) return;
  const error = $('[data-payout-error]');
  error.hidden = true;
  const amount = minorUnits($<HTMLInputElement>('[data-payout-amount]').value, selected.currency);
  if (amount === null) {
    error.textContent = trStatement('op.payout.badAmount');
    error.hidden = false;
    return;
  }
  const response = await call(`/pavilions/${selected.pavilion}/payouts`, {
    method: 'POST',
    body: JSON.stringify({ amount: { amount, currency: selected.currency }, date: $<HTMLInputElement>('[data-payout-date]').value, reference: $<HTMLInputElement>('[data-payout-reference]').value }),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
    error.textContent = [problem.title, problem.detail].filter(Boolean).join(': ') || response.statusText;
    error.hidden = false;
    return;
  }
  form.reset();
  const toast = $('[data-toast]');
  toast.textContent = trStatement('op.payout.done');
  toast.hidden = false;
  await loadBalances();
  await loadStatement();
}

applyStatementLanguage();
if (!currentToken()) signedOut();
else {
  $('[data-page]').hidden = false;
  document.body.dataset.state = 'ready';
  picker.value = currentChinaMonth();
  picker.addEventListener('change', () => void loadStatement());
  $('[data-statement-csv]').addEventListener('click', async () => {
    if (!selected) return;
    const response = await call(`/statements?${query()}&format=csv&lang=${document.documentElement.lang.slice(0, 2)}`);
    if (response.ok) await saveCsv(response, `statement-${selected.pavilion}.csv`);
  });
  form.addEventListener('submit', (event) => void recordPayout(event));
  void loadBalances();
}
