import { currentLanguage } from '../operator/i18n.js';
import { STATEMENT_WORDS } from './words.js';

/**
 * The operator console's statements page's words: a statement's (words.ts) and the page's own, in
 * the console's language (features/operator/i18n.ts keeps the choice).
 */
const e = (en: string, ru: string, zh: string) => ({ en, ru, zh });

export const OPERATOR_STATEMENT_WORDS = {
  ...STATEMENT_WORDS,
  'op.title': e('Pavilion balances and statements', 'Балансы и выписки павильонов', '展馆余额与对账单'),
  'op.back': e('Back to the console', 'Назад в консоль', '返回控制台'),
  'op.signin': e('Sign in on the console first, then come back.', 'Сначала войдите в консоль, затем вернитесь сюда.', '请先在控制台登录，然后返回此页。'),
  'op.balances': e('Balances', 'Балансы', '余额'),
  'op.col.pavilion': e('Pavilion', 'Павильон', '展馆'),
  'op.col.balance': e('Owed to the pavilion', 'Причитается павильону', '应付展馆'),
  'op.col.rate': e('Commission', 'Комиссия', '佣金'),
  'op.show': e('Statement', 'Выписка', '对账单'),
  'op.statementOf': e('Statement of {pavilion}', 'Выписка павильона {pavilion}', '{pavilion} 对账单'),
  'op.payout': e('Record payout', 'Записать выплату', '记录付款'),
  'op.payout.amount': e('Amount ({currency})', 'Сумма ({currency})', '金额（{currency}）'),
  'op.payout.date': e('Transfer date', 'Дата перевода', '转账日期'),
  'op.payout.reference': e('Bank reference', 'Банковский референс', '银行参考号'),
  'op.payout.done': e('Payout recorded.', 'Выплата записана.', '付款已记录。'),
  'op.payout.badAmount': e('An amount such as 1250.00', 'Сумма, например 1250,00', '请填写金额，例如 1250.00'),
} as const;

export type OperatorStatementWord = keyof typeof OPERATOR_STATEMENT_WORDS;

export function trStatement(key: string, vars: Record<string, string | number> = {}): string {
  const entry = (OPERATOR_STATEMENT_WORDS as Record<string, Record<string, string>>)[key];
  if (!entry) return key;
  return (entry[currentLanguage()] ?? entry.en!).replace(/\{(\w+)\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
}

export function applyStatementLanguage(root: ParentNode = document): void {
  document.documentElement.lang = currentLanguage() === 'zh' ? 'zh-CN' : currentLanguage();
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = trStatement(node.dataset.i18n!);
}
