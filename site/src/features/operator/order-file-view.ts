import { formatMoney, type Money } from '../../../../functions/domain/money.js';
import { el } from '../pavilion/dom.js';
import type { OrderFile } from './console-api.js';
import { chinaTime } from './format.js';
import { currentLanguage, locale, tr, type WordKey } from './i18n.js';

export interface OrderFileActions {
  /** Opens the refund form for a line, or (no line) the whole order. */
  readonly onRefund: (lineNo: number | null) => void;
  readonly onCustoms: () => void;
}

/**
 * An order as support sees it: who to write to, its lines with their shipment and refund, and its
 * whole history. Built with el(), never innerHTML: titles and reasons are people's own text.
 */
export function orderFileView(file: OrderFile, actions: OrderFileActions): HTMLElement {
  const at = locale();
  const lang = currentLanguage();
  const money = (value: { amount: number; currency: string }) => formatMoney(value as Money, at);
  const refundable = ['paid', 'paid_needs_attention', 'partially_refunded'].includes(file.status);
  return el(
    'article',
    { class: 'op-file', 'aria-labelledby': 'op-file-title', 'data-testid': 'order-file' },
    el(
      'header',
      { class: 'op-doc-head' },
      el(
        'div',
        {},
        el('h2', { id: 'op-file-title', tabindex: -1 }, tr('doc.order', { orderId: file.orderId }), ' ', el('span', { class: 'ws-badge', 'data-testid': 'order-status' }, tr(`status.${file.status}` as WordKey))),
        el(
          'p',
          { class: 'op-meta' },
          el('span', {}, `${tr('file.email')}: ${file.email}`), ' · ',
          el('span', {}, `${tr('file.total')}: ${money(file.total)}`), ' · ',
          el('span', {}, `${tr('file.refunded')}: ${money(file.refunded)}`),
        ),
      ),
      el(
        'div',
        { class: 'op-actions' },
        refundable ? el('button', { type: 'button', class: 'button button--danger', 'data-refund-order': true, onclick: () => actions.onRefund(null) }, tr('file.refundOrder')) : '',
        el('button', { type: 'button', class: 'button', onclick: actions.onCustoms }, tr('file.showCustoms')),
      ),
    ),
    el('div', { 'data-refund-slot': true }),
    el(
      'section',
      { class: 'ws-card', 'aria-labelledby': 'op-file-lines' },
      el('h3', { id: 'op-file-lines' }, tr('file.lines')),
      el(
        'div',
        { class: 'ws-table-wrap' },
        el(
          'table',
          { class: 'ws-table' },
          el('thead', {}, el('tr', {}, ...(['col.line', 'col.title', 'col.pavilion', 'col.qty', 'col.lineValue', 'col.shipment', 'col.refund', 'col.status'] as WordKey[]).map((key) => el('th', { scope: 'col' }, tr(key))))),
          el(
            'tbody',
            {},
            ...file.lines.map((line) =>
              el(
                'tr',
                { 'data-line': line.lineNo },
                el('td', {}, line.lineNo),
                el('td', {}, line.title[lang]),
                el('td', {}, line.pavilion),
                el('td', { class: 'num' }, line.quantity),
                el('td', { class: 'num' }, money(line.charged)),
                el('td', {}, line.shippedAt ? `${line.carrier ?? ''} ${line.trackingNumber ?? ''} · ${chinaTime(line.shippedAt, at)}` : line.fulfilment),
                el('td', { 'data-line-refund': true }, line.refund ? `${line.refund.status} · ${money(line.refund.amount)}` : '—'),
                el(
                  'td',
                  {},
                  refundable && (!line.refund || line.refund.status === 'failed')
                    ? el('button', { type: 'button', class: 'button button--small', 'data-refund-line': line.lineNo, onclick: () => actions.onRefund(line.lineNo) }, tr('file.refundLine'))
                    : '',
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    el(
      'section',
      { class: 'ws-card', 'aria-labelledby': 'op-file-history' },
      el('h3', { id: 'op-file-history' }, tr('file.history')),
      el(
        'ol',
        { class: 'op-history', 'data-testid': 'order-history' },
        ...file.history.map((entry) =>
          el(
            'li',
            { 'data-kind': entry.kind },
            el('time', { datetime: entry.at }, chinaTime(entry.at, at)),
            ' ',
            el('strong', {}, tr(`history.${entry.kind}` as WordKey)),
            entry.lineNo ? ` · ${tr('refund.line', { lineNo: String(entry.lineNo) })}` : '',
            entry.by ? ` · ${entry.by}` : '',
            entry.detail ? el('span', { class: 'op-history-detail' }, ` — ${entry.detail}`) : '',
          ),
        ),
      ),
      file.mailsKnown ? '' : el('p', { class: 'op-note' }, tr('file.noMails')),
    ),
  );
}

/** The refund form: a reason is required; restock only means something for unshipped lines. */
export function refundForm(what: string, onSubmit: (reason: string, restock: boolean) => void, onCancel: () => void): HTMLElement {
  const reason = el('textarea', { id: 'op-refund-reason', rows: 2, maxlength: 500, required: true, 'data-refund-reason': true });
  const restock = el('input', { type: 'checkbox', id: 'op-refund-restock', checked: true });
  const form = el(
    'form',
    { class: 'ws-card op-refund', 'data-refund-form': true, novalidate: true },
    el('h3', {}, tr('refund.title', { what })),
    el('label', { class: 'field', for: 'op-refund-reason' }, el('span', {}, tr('refund.reason'))),
    reason,
    el('label', { class: 'op-check' }, restock, ' ', tr('refund.restock')),
    el(
      'div',
      { class: 'op-actions' },
      el('button', { type: 'submit', class: 'button button--danger', 'data-refund-submit': true }, tr('refund.submit')),
      el('button', { type: 'button', class: 'button', onclick: onCancel }, tr('refund.cancel')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    if (!text) {
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    onSubmit(text, restock.checked);
  });
  return form;
}
