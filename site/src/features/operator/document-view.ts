import { areaOf } from '../../../../functions/domain/address.js';
import { formatMoney } from '../../../../functions/domain/money.js';
import { el } from '../pavilion/dom.js';
import type { CustomsDocument } from './api.js';
import { chinaTime } from './format.js';
import { locale, tr, type WordKey } from './i18n.js';

/**
 * The customs document, laid out for a person: who bought (the ID number in full, the one page
 * that shows it), where it goes, each line's customs figures, and the order's totals. Built with
 * el(), never innerHTML: names and addresses are the shopper's own text.
 */
export function documentView(document: CustomsDocument, onDownload: () => void): HTMLElement {
  const at = locale();
  return el(
    'article',
    { class: 'op-doc', 'aria-labelledby': 'op-doc-title', 'data-testid': 'customs-document' },
    heading(document, at, onDownload),
    el('div', { class: 'op-parties' }, buyerCard(document), recipientCard(document)),
    linesCard(document, at),
    totalsCard(document, at),
  );
}

function heading(document: CustomsDocument, at: string, onDownload: () => void): HTMLElement {
  return el(
    'header',
    { class: 'op-doc-head' },
    el(
      'div',
      {},
      el('h2', { id: 'op-doc-title', tabindex: -1 }, tr('doc.order', { orderId: document.orderId }), ' ', el('span', { class: 'ws-badge', 'data-kind': document.status === 'paid' ? 'shipped' : 'to_ship' }, tr(`status.${document.status}`))),
      el(
        'p',
        { class: 'op-meta' },
        el('span', {}, tr('doc.created', { time: chinaTime(document.createdAt, at) })),
        document.paidAt ? ' · ' : '',
        document.paidAt ? el('span', {}, tr('doc.paid', { time: chinaTime(document.paidAt, at) })) : '',
      ),
    ),
    el('button', { type: 'button', class: 'button', 'data-download': true, onclick: onDownload }, tr('doc.download')),
  );
}

function buyerCard(document: CustomsDocument): HTMLElement {
  const { buyer } = document;
  return el(
    'section',
    { class: 'ws-card', 'aria-labelledby': 'op-buyer' },
    el('h3', { id: 'op-buyer' }, tr('doc.buyer')),
    facts([
      ['doc.name', buyer.name],
      ['doc.idNumber', el('span', { class: 'op-id', 'data-testid': 'buyer-id' }, buyer.idNumber)],
      ['doc.phone', buyer.phone],
    ]),
    el('p', { class: 'op-note' }, tr('doc.idNote')),
  );
}

function recipientCard(document: CustomsDocument): HTMLElement {
  const { recipient } = document;
  return el(
    'section',
    { class: 'ws-card', 'aria-labelledby': 'op-recipient' },
    el('h3', { id: 'op-recipient' }, tr('doc.recipient')),
    facts([
      ['doc.name', recipient.name],
      ['doc.phone', recipient.phone],
      [
        'doc.address',
        el(
          'span',
          {},
          areaOf(recipient),
          el('br'),
          recipient.address,
          el('br'),
          el('small', { class: 'op-codes' }, [recipient.province.code, recipient.city.code, recipient.district.code].join(' · ')),
        ),
      ],
      ['doc.postcode', recipient.postcode],
    ]),
  );
}

const LINE_COLUMNS: ReadonlyArray<readonly [WordKey, boolean]> = [
  ['col.line', false],
  ['col.hsCode', false],
  ['col.title', false],
  ['col.qty', true],
  ['col.unitPrice', true],
  ['col.lineValue', true],
  ['col.freight', true],
  ['col.dutiable', true],
  ['col.tax', true],
];

function linesCard(document: CustomsDocument, at: string): HTMLElement {
  const labels = LINE_COLUMNS.map(([key]) => tr(key));
  const cell = (index: number, ...children: Array<Node | string>) =>
    el('td', { class: LINE_COLUMNS[index]![1] ? 'num' : undefined, 'data-label': labels[index] }, ...children);
  return el(
    'section',
    { class: 'ws-card', 'aria-labelledby': 'op-lines' },
    el('h3', { id: 'op-lines' }, tr('doc.lines'), ' ', el('small', { class: 'op-note' }, tr('doc.cnyNote'))),
    el(
      'div',
      { class: 'op-lines-wrap' },
      el(
        'table',
        { class: 'ws-table op-lines' },
        el('thead', {}, el('tr', {}, ...LINE_COLUMNS.map(([, numeric], index) => el('th', { class: numeric ? 'num' : undefined, scope: 'col' }, labels[index]!)))),
        el(
          'tbody',
          {},
          ...document.lines.map((line) =>
            el(
              'tr',
              { 'data-line': line.lineNo },
              cell(0, String(line.lineNo)),
              cell(1, el('code', { 'data-testid': 'hs-code' }, line.hsCode)),
              cell(2, el('span', {}, line.title, el('small', { class: 'op-sub' }, `${line.pavilion} · ${line.sku}`))),
              cell(3, String(line.quantity)),
              cell(4, formatMoney(line.unitPriceCny, at)),
              cell(5, formatMoney(line.goodsCny, at)),
              cell(6, formatMoney(line.freightCny, at)),
              cell(7, formatMoney(line.dutiableCny, at)),
              cell(8, formatMoney(line.taxCny, at)),
            ),
          ),
        ),
      ),
    ),
  );
}

function totalsCard(document: CustomsDocument, at: string): HTMLElement {
  return el(
    'section',
    { class: 'ws-card', 'aria-labelledby': 'op-totals' },
    el('h3', { id: 'op-totals' }, tr('doc.totals')),
    facts(
      [
        ['doc.goods', formatMoney(document.goods, at)],
        ['doc.freight', formatMoney(document.freight, at)],
        ['doc.dutiable', formatMoney(document.dutiableValue, at)],
        ['doc.tax', formatMoney(document.tax, at)],
        ['doc.amountPaid', el('strong', {}, formatMoney(document.amountPaid, at))],
        ['doc.currency', document.currency],
        ['doc.paymentId', document.paymentId ? el('code', {}, document.paymentId) : tr('doc.none')],
        ['doc.notice', tr('doc.noticeValue', { version: document.notice.version, time: chinaTime(document.notice.acceptedAt, at) })],
      ],
      'op-facts--totals',
    ),
  );
}

function facts(rows: ReadonlyArray<readonly [WordKey, Node | string]>, extraClass = ''): HTMLElement {
  return el('dl', { class: `op-facts ${extraClass}`.trim() }, ...rows.flatMap(([key, value]) => [el('dt', {}, tr(key)), el('dd', {}, value)]));
}
