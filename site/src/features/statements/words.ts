/**
 * A statement's words in the site's three languages, shared by the workspace (features/pavilion/i18n.ts
 * spreads them into its own) and the operator console's statements page (operator-words.ts).
 */
const e = (en: string, ru: string, zh: string) => ({ en, ru, zh });

export const STATEMENT_WORDS = {
  'nav.statements': e('Statements', 'Выписки', '对账单'),
  'statements.title': e('Statements', 'Выписки', '对账单'),
  'statements.lead': e(
    'What your pavilion earned and is owed, in its own currency. Months are calendar months in China time (UTC+8); the store pays the closing balance by bank transfer.',
    'Что павильон заработал и что ему причитается, в его валюте. Месяцы календарные, по времени Китая (UTC+8); магазин выплачивает остаток на конец банковским переводом.',
    '您的展馆所得及应收款项，以展馆币种计。按中国时间（UTC+8）的自然月统计；平台通过银行转账支付期末余额。',
  ),
  'statements.month': e('Month', 'Месяц', '月份'),
  'statements.download': e('Download CSV', 'Скачать CSV', '下载 CSV'),
  'statements.opening': e('Opening balance', 'Остаток на начало', '期初余额'),
  'statements.sales': e('Sales', 'Продажи', '销售额'),
  'statements.refunds': e('Refunds and returns', 'Возвраты', '退款与退货'),
  'statements.commission': e('Store commission', 'Комиссия магазина', '平台佣金'),
  'statements.payouts': e('Paid out', 'Выплачено', '已付款'),
  'statements.adjustments': e('Adjustments', 'Корректировки', '调整'),
  'statements.closing': e('Closing balance', 'Остаток на конец', '期末余额'),
  'statements.passThrough': e('Collected for customs and carriers (not yours): tax {tax}, freight {freight}', 'Собрано для таможни и перевозчиков (не ваши деньги): налог {tax}, доставка {freight}', '代收代付（不属于展馆）：税费 {tax}，运费 {freight}'),
  'statements.empty': e('No entries in this period.', 'За этот период записей нет.', '本期没有记录。'),
  'statements.col.time': e('Time', 'Время', '时间'),
  'statements.col.kind': e('Entry', 'Запись', '类型'),
  'statements.col.order': e('Order / reference', 'Заказ / референс', '订单 / 参考号'),
  'statements.col.amount': e('Amount', 'Сумма', '金额'),
  'statements.col.charged': e('Charged to the shopper', 'Оплачено покупателем', '顾客支付'),
  'statements.reversal': e('(reversed)', '(отменено)', '（已撤销）'),
  'kind.sale': e('Sale', 'Продажа', '销售'),
  'kind.commission': e('Commission', 'Комиссия', '佣金'),
  'kind.tax': e('Import tax (passed on)', 'Импортный налог (транзит)', '进口税（代收）'),
  'kind.freight': e('Freight (passed on)', 'Доставка (транзит)', '运费（代收）'),
  'kind.refund': e('Refund', 'Возврат денег', '退款'),
  'kind.return': e('Return', 'Возврат товара', '退货'),
  'kind.commission_refund': e('Commission given back', 'Возврат комиссии', '退还佣金'),
  'kind.tax_refund': e('Import tax refunded', 'Возврат налога', '退还进口税'),
  'kind.freight_refund': e('Freight refunded', 'Возврат доставки', '退还运费'),
  'kind.payout': e('Payout', 'Выплата', '付款'),
  'kind.adjustment': e('Adjustment', 'Корректировка', '调整'),
} as const;
