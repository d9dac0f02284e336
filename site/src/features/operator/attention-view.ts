import { formatMoney, type Money } from '../../../../functions/domain/money.js';
import { el } from '../pavilion/dom.js';
import type { AttentionItem } from './console-api.js';
import { chinaTime } from './format.js';
import { locale, tr, type WordKey } from './i18n.js';

/** What waits for an operator, each item with what to do and a way into its order. */
export function attentionView(items: readonly AttentionItem[], onOpen: (orderId: string) => void): HTMLElement {
  if (items.length === 0) return el('p', { class: 'op-info', 'data-testid': 'attention-empty' }, tr('attention.empty'));
  const at = locale();
  return el(
    'ul',
    { class: 'op-attention', 'data-testid': 'attention-list' },
    ...items.map((item) =>
      el(
        'li',
        { class: 'ws-card', 'data-kind': item.kind, 'data-order': item.orderId },
        el(
          'p',
          { class: 'op-attention-head' },
          el('strong', {}, tr(`kind.${item.kind}` as WordKey)),
          ' · ',
          el('code', {}, item.orderId),
          item.amount ? ` · ${formatMoney(item.amount as Money, at)}` : '',
          ' · ',
          el('span', { class: 'op-meta' }, tr('attention.since', { time: chinaTime(item.since, at) })),
        ),
        item.reason || item.mismatch || item.eventId
          ? el('p', { class: 'op-meta' }, [item.reason, item.eventType, item.eventId, item.mismatch].filter(Boolean).join(' · '))
          : '',
        el('p', { class: 'op-do' }, tr(`do.${item.action}` as WordKey)),
        el('button', { type: 'button', class: 'button button--small', onclick: () => onOpen(item.orderId) }, tr('attention.open')),
      ),
    ),
  );
}
