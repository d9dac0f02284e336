import type { Language, Localized } from '../languages.js';
import { formatMoney, type Money } from '../money.js';
import type { Order, OrderLine } from '../order.js';
import type { Refund } from '../refund.js';

/**
 * The mails' words and shape, in zh, ru and en, each with a plain-text and an HTML part. What goes in
 * is chosen field by field: titles, quantities, amounts, carrier and tracking, dates and the order id.
 * Never the buyer's ID number (not even masked), never the recipient's address, name or phone: a mail
 * travels through systems the store does not control.
 */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const LOCALE: Record<Language, string> = { zh: 'zh-CN', ru: 'ru-RU', en: 'en-GB' };

type Words = Record<
  | 'hello' | 'confirmedSubject' | 'confirmedLead' | 'total' | 'orderLink' | 'keepLink'
  | 'shippedSubject' | 'shippedLead' | 'carrier' | 'tracking' | 'seeOrder'
  | 'cancelledSubject' | 'cancelledLead' | 'refundedSubject' | 'refundedLead' | 'returnRefundLead' | 'refundAmount' | 'refundTiming'
  | 'returnSubject' | 'returnLead' | 'returnDue' | 'returnAfter'
  | 'pavilionSubject' | 'pavilionLead' | 'order' | 'line' | 'quantity' | 'paidAt' | 'workspace'
  | 'signature',
  string
>;

const WORDS: Record<Language, Words> = {
  zh: {
    hello: '您好！',
    confirmedSubject: '订单 {order} 已确认',
    confirmedLead: '我们已收到您的付款，订单已确认。各国家馆将尽快为您发货。',
    total: '合计（含运费与税费）',
    orderLink: '查看订单',
    keepLink: '请保留此邮件：此链接是您查看订单、取消订单或申请退货的唯一入口。',
    shippedSubject: '订单 {order} 的商品已发货',
    shippedLead: '以下商品已发货：',
    carrier: '承运商',
    tracking: '运单号',
    seeOrder: '通过订单确认邮件中的链接可随时查看订单。',
    cancelledSubject: '订单 {order} 已取消并退款',
    cancelledLead: '您的订单已取消，货款、运费与税费已全额退回。',
    refundedSubject: '订单 {order} 已退款',
    refundedLead: '以下商品已退款（含其运费与税费份额）：',
    returnRefundLead: '我们已收到您退回的商品，以下商品已全额退款（不扣税费）：',
    refundAmount: '退款金额',
    refundTiming: '款项将原路退回，到账时间取决于您的银行或支付方式，通常为 5 至 10 个工作日。',
    returnSubject: '订单 {order} 的退货申请已接受',
    returnLead: '国家馆已接受您对以下商品的退货申请：',
    returnDue: '请在此日期前寄回商品',
    returnAfter: '国家馆收到商品后即为您全额退款，税费不予扣留，您的年度跨境额度也将恢复。',
    pavilionSubject: '{count} 个新的已付款商品待发货',
    pavilionLead: '自上次通知以来，有新的已付款订单行：',
    order: '订单',
    line: '商品',
    quantity: '数量',
    paidAt: '付款时间',
    workspace: '在工作台发货',
    signature: '上合集市',
  },
  ru: {
    hello: 'Здравствуйте!',
    confirmedSubject: 'Заказ {order} подтверждён',
    confirmedLead: 'Мы получили оплату, заказ подтверждён. Павильоны отправят товары в ближайшее время.',
    total: 'Итого (с доставкой и налогом)',
    orderLink: 'Открыть заказ',
    keepLink: 'Сохраните это письмо: только по этой ссылке можно открыть заказ, отменить его или оформить возврат.',
    shippedSubject: 'Товар из заказа {order} отправлен',
    shippedLead: 'Отправлено:',
    carrier: 'Перевозчик',
    tracking: 'Трек-номер',
    seeOrder: 'Заказ всегда открывается по ссылке из письма с подтверждением.',
    cancelledSubject: 'Заказ {order} отменён, деньги возвращены',
    cancelledLead: 'Заказ отменён; стоимость товаров, доставка и налог возвращены полностью.',
    refundedSubject: 'Возврат денег по заказу {order}',
    refundedLead: 'Возвращены деньги за товары (с их долей доставки и налога):',
    returnRefundLead: 'Возвращённые товары получены, деньги за них возвращены полностью (налог не удерживается):',
    refundAmount: 'Сумма возврата',
    refundTiming: 'Деньги вернутся тем же способом, которым вы платили; срок зависит от банка или платёжной системы, обычно 5–10 рабочих дней.',
    returnSubject: 'Возврат по заказу {order} принят',
    returnLead: 'Павильон принял ваш запрос на возврат:',
    returnDue: 'Отправьте товар обратно до',
    returnAfter: 'Когда павильон получит товар, деньги вернутся полностью, без удержания налога, и ваш годовой лимит восстановится.',
    pavilionSubject: 'Новых оплаченных позиций к отправке: {count}',
    pavilionLead: 'С прошлого письма оплачены новые позиции:',
    order: 'Заказ',
    line: 'Товар',
    quantity: 'Кол-во',
    paidAt: 'Оплачено',
    workspace: 'Отправить в кабинете павильона',
    signature: 'Базар ШОС',
  },
  en: {
    hello: 'Hello,',
    confirmedSubject: 'Your order {order} is confirmed',
    confirmedLead: 'We have received your payment and your order is confirmed. The pavilions will ship it soon.',
    total: 'Total (freight and tax included)',
    orderLink: 'Open your order',
    keepLink: 'Keep this mail: this link is the only way to open your order, cancel it or return goods.',
    shippedSubject: 'Goods from your order {order} have shipped',
    shippedLead: 'On their way:',
    carrier: 'Carrier',
    tracking: 'Tracking number',
    seeOrder: 'Your order opens from the link in its confirmation mail.',
    cancelledSubject: 'Your order {order} is cancelled and refunded',
    cancelledLead: 'Your order is cancelled; the goods, freight and tax are refunded in full.',
    refundedSubject: 'A refund for your order {order}',
    refundedLead: 'Refunded (with their share of freight and tax):',
    returnRefundLead: 'Your returned goods have arrived and are refunded in full (no tax kept):',
    refundAmount: 'Refunded',
    refundTiming: 'The money goes back the way you paid; depending on your bank or wallet it takes 5 to 10 working days.',
    returnSubject: 'Your return from order {order} is accepted',
    returnLead: 'The pavilion has accepted your return of:',
    returnDue: 'Please send the goods back by',
    returnAfter: 'Once the pavilion has them, you are refunded in full, no tax is kept, and your yearly cross-border allowance is restored.',
    pavilionSubject: 'New paid lines to ship: {count}',
    pavilionLead: 'New paid order lines since the last mail:',
    order: 'Order',
    line: 'Goods',
    quantity: 'Qty',
    paidAt: 'Paid',
    workspace: 'Ship them in the pavilion workspace',
    signature: 'SCO Bazaar',
  },
};

/** One part of a mail's body, rendered both ways. */
type Block =
  | { readonly kind: 'p'; readonly text: string }
  | { readonly kind: 'items'; readonly rows: readonly string[] }
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'link'; readonly label: string; readonly href: string };

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function compose(language: Language, subject: string, blocks: readonly Block[]): RenderedMail {
  const words = WORDS[language];
  const all: Block[] = [{ kind: 'p', text: words.hello }, ...blocks, { kind: 'p', text: words.signature }];
  const text = all
    .map((block) => {
      switch (block.kind) {
        case 'p': return block.text;
        case 'items': return block.rows.map((row) => `- ${row}`).join('\n');
        case 'fields': return block.rows.map(([name, value]) => `${name}: ${value}`).join('\n');
        case 'link': return `${block.label}: ${block.href}`;
      }
    })
    .join('\n\n');
  const body = all
    .map((block) => {
      switch (block.kind) {
        case 'p': return `<p>${escapeHtml(block.text)}</p>`;
        case 'items': return `<ul>${block.rows.map((row) => `<li>${escapeHtml(row)}</li>`).join('')}</ul>`;
        case 'fields': return `<table>${block.rows.map(([name, value]) => `<tr><th align="left">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;
        case 'link': return `<p><a href="${escapeHtml(block.href)}">${escapeHtml(block.label)}</a></p>`;
      }
    })
    .join('\n');
  const html = `<!doctype html>\n<html lang="${language === 'zh' ? 'zh-CN' : language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body style="font-family:sans-serif;line-height:1.5;max-width:36em">\n${body}\n</body></html>`;
  return { subject, text, html };
}

const lineRow = (language: Language, line: Pick<OrderLine, 'title' | 'quantity'>) => `${titleOf(line.title, language)} × ${line.quantity}`;
const titleOf = (title: Localized, language: Language) => title[language] || title.en;
const money = (value: Money, language: Language) => formatMoney(value, LOCALE[language]);
const day = (iso: string) => iso.slice(0, 10);

export interface ShopperMailInput {
  readonly order: Pick<Order, 'orderId' | 'language' | 'total'>;
  readonly lines: readonly OrderLine[];
}

/** The order page's address: the token rides in the fragment, as in checkout's success URL (usecases/checkout.ts). */
export function orderPageUrl(baseUrl: string, order: Pick<Order, 'orderId' | 'language'>, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${order.language}/order/?id=${encodeURIComponent(order.orderId)}#token=${token}`;
}

export function orderConfirmedMail({ order, lines }: ShopperMailInput, orderUrl: string | null): RenderedMail {
  const language = order.language;
  const words = WORDS[language];
  return compose(language, fill(words.confirmedSubject, { order: order.orderId }), [
    { kind: 'p', text: words.confirmedLead },
    { kind: 'items', rows: lines.map((line) => lineRow(language, line)) },
    { kind: 'fields', rows: [[words.total, money(order.total, language)]] },
    ...(orderUrl ? ([{ kind: 'link', label: words.orderLink, href: orderUrl }, { kind: 'p', text: words.keepLink }] as const) : []),
  ]);
}

export function lineShippedMail({ order, lines }: ShopperMailInput, lineNo: number): RenderedMail | null {
  const line = lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line || !line.carrier || !line.trackingNumber) return null;
  const language = order.language;
  const words = WORDS[language];
  return compose(language, fill(words.shippedSubject, { order: order.orderId }), [
    { kind: 'p', text: words.shippedLead },
    { kind: 'items', rows: [lineRow(language, line)] },
    { kind: 'fields', rows: [[words.carrier, line.carrier], [words.tracking, line.trackingNumber]] },
    { kind: 'p', text: words.seeOrder },
  ]);
}

/** A cancellation's refund reads as the cancellation; a returned line's as the end of its return. */
export function refundedMail({ order, lines }: ShopperMailInput, refund: Pick<Refund, 'cause' | 'amount' | 'lines'>): RenderedMail {
  const language = order.language;
  const words = WORDS[language];
  const covered = new Set(refund.lines.map((line) => line.lineNo));
  const cancelled = refund.cause === 'cancellation';
  return compose(language, fill(cancelled ? words.cancelledSubject : words.refundedSubject, { order: order.orderId }), [
    { kind: 'p', text: cancelled ? words.cancelledLead : refund.cause === 'return' ? words.returnRefundLead : words.refundedLead },
    { kind: 'items', rows: lines.filter((line) => covered.has(line.lineNo)).map((line) => lineRow(language, line)) },
    { kind: 'fields', rows: [[words.refundAmount, money(refund.amount, language)]] },
    { kind: 'p', text: words.refundTiming },
  ]);
}

export function returnAcceptedMail({ order, lines }: ShopperMailInput, lineNo: number): RenderedMail | null {
  const line = lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line?.returnRequest) return null;
  const language = order.language;
  const words = WORDS[language];
  return compose(language, fill(words.returnSubject, { order: order.orderId }), [
    { kind: 'p', text: words.returnLead },
    { kind: 'items', rows: [lineRow(language, line)] },
    { kind: 'fields', rows: [[words.returnDue, day(line.returnRequest.goodsDueBy)]] },
    { kind: 'p', text: words.returnAfter },
  ]);
}

/** The pavilion's batch: its new paid lines, what to ship and no more (the recipient is in the workspace). */
export function pavilionNewLinesMail(
  language: Language,
  lines: readonly Pick<OrderLine, 'orderId' | 'lineNo' | 'title' | 'quantity' | 'paidAt'>[],
  workspaceUrl: string,
): RenderedMail {
  const words = WORDS[language];
  const sorted = [...lines].sort((a, b) => (a.paidAt ?? '').localeCompare(b.paidAt ?? '') || a.orderId.localeCompare(b.orderId) || a.lineNo - b.lineNo);
  return compose(language, fill(words.pavilionSubject, { count: sorted.length }), [
    { kind: 'p', text: words.pavilionLead },
    {
      kind: 'items',
      rows: sorted.map((line) => `${words.order} ${line.orderId} #${line.lineNo}: ${lineRow(language, line)}${line.paidAt ? ` (${words.paidAt} ${line.paidAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}`),
    },
    { kind: 'link', label: words.workspace, href: workspaceUrl },
  ]);
}
