/**
 * The operator console's words in the site's three languages, the way the workspace keeps its own
 * (features/pavilion/i18n.ts): markup carries the English text and a `data-i18n` key, and
 * applyLanguage swaps them. The chosen language is the console's own, apart from the workspace's.
 */
export const CONSOLE_LANGUAGES = ['en', 'ru', 'zh'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

type Entry = Record<ConsoleLanguage, string>;
const e = (en: string, ru: string, zh: string): Entry => ({ en, ru, zh });

export const WORDS = {
  'app.title': e('Operator console', 'Консоль оператора', '运营控制台'),
  'nav.signOut': e('Sign out', 'Выйти', '退出登录'),
  'nav.language': e('Language', 'Язык', '语言'),
  'signin.title': e('Sign in as an operator', 'Вход для операторов', '运营人员登录'),
  'signin.lead': e(
    'Customs documents of paid orders, with the buyer’s ID number in full. For members of the operators group.',
    'Таможенные документы оплаченных заказов с полным номером удостоверения покупателя. Для членов группы операторов.',
    '查看已付款订单的报关单，含订购人完整身份证号。仅限运营人员组成员使用。',
  ),
  'signin.button': e('Sign in', 'Войти', '登录'),
  'signin.expired': e('Your session has ended. Please sign in again.', 'Сеанс завершён. Войдите снова.', '会话已结束，请重新登录。'),
  'signin.forbidden': e(
    'This account is not an operator. Sign in with an operator’s account, or ask to be added to the operators group.',
    'Эта учётная запись не операторская. Войдите под учётной записью оператора или попросите добавить вас в группу операторов.',
    '此账号不是运营人员。请使用运营人员账号登录，或申请加入运营人员组。',
  ),
  'signin.rejected': e('Sign-in link not accepted, please sign in again.', 'Ссылка для входа не принята, войдите снова.', '登录链接无效，请重新登录。'),
  'common.loading': e('Loading…', 'Загрузка…', '加载中…'),
  'lookup.title': e('Customs document of an order', 'Таможенный документ заказа', '订单报关单'),
  'lookup.label': e('Order number', 'Номер заказа', '订单号'),
  'lookup.hint': e('As the shopper or the pavilion gives it, e.g. ORD-7K3M9Q2D5X8B1N4R', 'Как его называет покупатель или павильон, например ORD-7K3M9Q2D5X8B1N4R', '顾客或展馆提供的订单号，例如 ORD-7K3M9Q2D5X8B1N4R'),
  'lookup.submit': e('Show document', 'Показать документ', '查看报关单'),
  'lookup.invalid': e(
    'An order number is ORD- followed by 16 letters and digits.',
    'Номер заказа — это ORD- и 16 латинских букв и цифр.',
    '订单号为 ORD- 加 16 位字母和数字。',
  ),
  'result.missing': e('There is no order {orderId}.', 'Заказа {orderId} нет.', '没有订单 {orderId}。'),
  'result.unpaid': e(
    'Order {orderId} is not paid ({status}): only paid orders cross the border, so only they have a customs document.',
    'Заказ {orderId} не оплачен ({status}): границу пересекают только оплаченные заказы, поэтому таможенный документ есть только у них.',
    '订单 {orderId} 未付款（{status}）：只有已付款订单才会入境，因此只有它们有报关单。',
  ),
  'result.overYearlyLimit': e(
    'Order {orderId} was paid after the buyer’s yearly cross-border allowance was used up, so it cannot cross the border as a cross-border retail import. Refund it; do not declare it.',
    'Заказ {orderId} оплачен после того, как годовой лимит покупателя на трансграничные покупки был исчерпан, поэтому ввезти его как трансграничный розничный импорт нельзя. Верните деньги; не декларируйте заказ.',
    '订单 {orderId} 在订购人本年度跨境电商交易额度用完后才付款，不能作为跨境电商零售进口入境。请退款，切勿申报。',
  ),
  'result.noBuyerDetails': e(
    'Order {orderId} was placed before checkout asked for the recipient and the buyer: it holds no name, ID number or address to declare, so it has no customs document.',
    'Заказ {orderId} оформлен до того, как при оформлении стали спрашивать получателя и покупателя: в нём нет ни имени, ни номера удостоверения, ни адреса для декларации, поэтому таможенного документа у него нет.',
    '订单 {orderId} 下单时结账页面尚未收集收货人和订购人信息：订单中没有可申报的姓名、身份证号和地址，因此没有报关单。',
  ),
  'result.failed': e('The document could not be loaded: {reason}', 'Не удалось загрузить документ: {reason}', '无法加载报关单：{reason}'),
  'result.network': e('The server could not be reached. Check the connection and try again.', 'Сервер недоступен. Проверьте соединение и повторите.', '无法连接服务器，请检查网络后重试。'),
  'doc.order': e('Order {orderId}', 'Заказ {orderId}', '订单 {orderId}'),
  'doc.created': e('Placed {time}', 'Оформлен {time}', '下单时间：{time}'),
  'doc.paid': e('paid {time}', 'оплачен {time}', '付款时间：{time}'),
  'doc.download': e('Download CSV', 'Скачать CSV', '下载 CSV'),
  'doc.downloaded': e('Saved {name}.', 'Сохранён файл {name}.', '已保存 {name}。'),
  'doc.buyer': e('Buyer (订购人)', 'Покупатель (订购人)', '订购人'),
  'doc.recipient': e('Recipient', 'Получатель', '收货人'),
  'doc.name': e('Name', 'Имя', '姓名'),
  'doc.idNumber': e('Resident ID number', '№ удостоверения личности', '身份证号'),
  'doc.idNote': e(
    'Shown in full for the customs declaration only: do not copy it anywhere else.',
    'Показан полностью только для таможенной декларации: никуда больше его не копируйте.',
    '完整号码仅供海关申报使用，请勿复制到其他地方。',
  ),
  'doc.phone': e('Phone', 'Телефон', '电话'),
  'doc.address': e('Address', 'Адрес', '地址'),
  'doc.postcode': e('Postcode', 'Индекс', '邮编'),
  'doc.lines': e('Goods', 'Товары', '商品'),
  'doc.totals': e('Order', 'Заказ', '订单合计'),
  'doc.goods': e('Goods', 'Товары', '货值'),
  'doc.freight': e('Freight', 'Доставка', '运费'),
  'doc.dutiable': e('Dutiable value (goods + freight)', 'Таможенная стоимость (товары + доставка)', '完税价格（货值 + 运费）'),
  'doc.tax': e('Import tax withheld', 'Удержанный ввозной налог', '代扣代缴税款'),
  'doc.amountPaid': e('Amount paid', 'Оплачено', '实付金额'),
  'doc.currency': e('Currency charged', 'Валюта платежа', '支付币种'),
  'doc.paymentId': e('Stripe payment', 'Платёж Stripe', 'Stripe 支付单号'),
  'doc.notice': e('Consumer notice accepted', 'Принятое уведомление покупателя', '已确认的消费者告知书'),
  'doc.noticeValue': e('version {version}, {time}', 'версия {version}, {time}', '版本 {version}，{time}'),
  'doc.none': e('not recorded', 'не записан', '未记录'),
  'col.line': e('#', '№', '序号'),
  'col.hsCode': e('HS code', 'Код HS', 'HS 编码'),
  'col.title': e('Goods (Chinese name)', 'Товар (кит. назв.)', '商品名称'),
  'col.qty': e('Qty', 'Кол-во', '数量'),
  'col.unitPrice': e('Unit price', 'Цена за ед.', '单价'),
  'col.lineValue': e('Line value', 'Стоимость', '货值'),
  'col.freight': e('Freight share', 'Доля доставки', '分摊运费'),
  'col.dutiable': e('Dutiable value', 'Там. стоимость', '完税价格'),
  'col.tax': e('Tax', 'Налог', '税款'),
  'doc.cnyNote': e('All figures in CNY unless marked.', 'Все суммы в юанях, если не указано иное.', '除另有标注外，金额均为人民币。'),
  // Every order status (domain/order.ts ORDER_STATUSES): the paid ones name the document's badge, the others say why there is none.
  'status.pending_payment': e('awaiting payment', 'ожидает оплаты', '待付款'),
  'status.expired': e('expired before it was paid', 'истёк срок оплаты', '已超时未付款'),
  'status.payment_failed': e('the payment failed', 'платёж не прошёл', '付款失败'),
  'status.paid': e('Paid', 'Оплачен', '已付款'),
  'status.paid_needs_attention': e('Paid after its reservation lapsed: check stock', 'Оплачен после снятия резерва: проверьте остаток', '预留失效后付款：请核对库存'),
  'status.cancelled': e('cancelled', 'отменён', '已取消'),
  'status.partially_refunded': e('partly refunded', 'частично возвращён', '部分退款'),
  'status.refunded': e('refunded', 'деньги возвращены', '已退款'),
  'status.unknown': e('status not given', 'статус не указан', '状态未知'),
} satisfies Record<string, Entry>;

export type WordKey = keyof typeof WORDS;

const STORAGE_KEY = 'sco-operator-lang';

export function currentLanguage(): ConsoleLanguage {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isConsoleLanguage(stored)) return stored;
  } catch {
    // Storage blocked: fall back to the browser's languages.
  }
  return preferredLanguage(navigator.languages);
}

/** The first of the browser's languages the console speaks, else English. */
export function preferredLanguage(tags: readonly string[]): ConsoleLanguage {
  return tags.map((tag) => tag.slice(0, 2).toLowerCase()).find(isConsoleLanguage) ?? 'en';
}

export function isConsoleLanguage(value: unknown): value is ConsoleLanguage {
  return (CONSOLE_LANGUAGES as readonly unknown[]).includes(value);
}

/** The text of `key` in `lang`, its `{name}` placeholders filled. */
export function wordsIn(lang: ConsoleLanguage, key: WordKey, vars: Record<string, string> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function tr(key: WordKey, vars: Record<string, string> = {}): string {
  return wordsIn(currentLanguage(), key, vars);
}

export const LOCALE: Record<ConsoleLanguage, string> = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' };

export function locale(): string {
  return LOCALE[currentLanguage()];
}

/** Translates every `data-i18n` element under `root`. */
export function applyLanguage(root: ParentNode = document): void {
  const lang = currentLanguage();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = tr(node.dataset.i18n as WordKey);
}

export function setLanguage(lang: ConsoleLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; applies to this page only.
  }
  applyLanguage();
  document.dispatchEvent(new CustomEvent('operator:language'));
}
