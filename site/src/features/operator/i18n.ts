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
  // The console's sections (features/operator/hub.ts): needs attention, find an order, pavilions.
  'nav.attention': e('Needs attention', 'Требует внимания', '待处理'),
  'nav.find': e('Find an order', 'Найти заказ', '查找订单'),
  'nav.pavilions': e('Pavilions', 'Павильоны', '展馆'),
  'nav.customs': e('Customs document', 'Таможенный документ', '报关单'),
  'attention.title': e('Needs attention', 'Требует внимания', '待处理事项'),
  'attention.empty': e('Nothing waits for an operator.', 'Ничего не ждёт оператора.', '目前没有待处理事项。'),
  'attention.refresh': e('Refresh', 'Обновить', '刷新'),
  'attention.open': e('Open order', 'Открыть заказ', '打开订单'),
  'attention.since': e('since {time}', 'с {time}', '自 {time}'),
  'kind.order_needs_attention': e('Paid order needs attention', 'Оплаченный заказ требует внимания', '已付款订单需处理'),
  'kind.refund_failed': e('Refund failed', 'Возврат не прошёл', '退款失败'),
  'kind.payment_stuck': e('Payment stuck in pending', 'Платёж завис в ожидании', '付款卡在待付款状态'),
  'kind.webhook_refused': e('Payment event refused (mismatch)', 'Событие платежа отклонено (несовпадение)', '支付事件被拒（不一致）'),
  'do.restock_or_refund': e(
    'The shopper paid after the reservation lapsed and the stock is gone: restock the goods with the pavilion, or refund the order.',
    'Покупатель оплатил после снятия резерва, а товар закончился: пополните остаток с павильоном или верните деньги за заказ.',
    '顾客在预留失效后付款且库存已无：请与展馆补货，或为该订单退款。',
  ),
  'do.refund_order': e(
    'Paid after the buyer’s yearly cross-border allowance was used up: it cannot be declared. Refund the order.',
    'Оплачен после исчерпания годового лимита покупателя: задекларировать нельзя. Верните деньги за заказ.',
    '付款时订购人年度跨境额度已用完，无法申报。请为该订单退款。',
  ),
  'do.retry_refund': e(
    'Stripe refused the refund: open the order and refund the same line(s) again, or settle with the shopper another way.',
    'Stripe отклонил возврат: откройте заказ и верните деньги за те же позиции ещё раз или договоритесь с покупателем иначе.',
    'Stripe 拒绝了退款：请打开订单，对相同商品再次退款，或以其他方式与顾客结清。',
  ),
  'do.check_payment_at_provider': e(
    'The checkout session is over but the order is still pending: look the session up in Stripe. The sweep releases the stock within minutes; if it does not, the sweep is failing.',
    'Сеанс оплаты закончился, а заказ всё ещё ожидает оплаты: найдите сеанс в Stripe. Очистка снимет резерв за несколько минут; если нет — очистка не работает.',
    '结账会话已结束但订单仍待付款：请在 Stripe 中查看该会话。清理任务会在几分钟内释放库存；若未释放，说明清理任务出错。',
  ),
  'do.compare_event_with_order': e(
    'Stripe sent an event that does not match this order (session, currency or amount) and the store ignored it: compare it in Stripe, and refund the payment there if it is not this order’s.',
    'Stripe прислал событие, не совпадающее с заказом (сеанс, валюта или сумма), и магазин его не принял: сравните в Stripe и верните платёж там, если он не относится к заказу.',
    'Stripe 发来的事件与该订单不符（会话、币种或金额），系统未予处理：请在 Stripe 中核对，如该付款不属于此订单，请在 Stripe 中退款。',
  ),
  'find.title': e('Find an order', 'Найти заказ', '查找订单'),
  'find.label': e('Order number or shopper’s email', 'Номер заказа или email покупателя', '订单号或顾客邮箱'),
  'find.submit': e('Find', 'Найти', '查找'),
  'find.invalid': e('Type an order number (ORD-…) or an email address.', 'Введите номер заказа (ORD-…) или адрес email.', '请输入订单号（ORD-…）或邮箱地址。'),
  'find.none': e('No orders for this email.', 'Заказов с этим email нет.', '该邮箱没有订单。'),
  'find.results': e('{count} order(s) for this email', 'Заказов с этим email: {count}', '该邮箱共有 {count} 个订单'),
  'file.email': e('Shopper’s email', 'Email покупателя', '顾客邮箱'),
  'file.total': e('Total', 'Итого', '合计'),
  'file.refunded': e('Refunded', 'Возвращено', '已退款'),
  'file.lines': e('Lines', 'Позиции', '商品行'),
  'file.history': e('History', 'История', '历史记录'),
  'file.refunds': e('Refunds', 'Возвраты', '退款'),
  'file.noMails': e('Mails are not listed here: this store cannot read an order’s mails yet.', 'Письма здесь не показаны: магазин пока не умеет читать письма заказа.', '此处不显示邮件：系统暂不能读取订单的邮件。'),
  'file.refundLine': e('Refund line', 'Вернуть позицию', '退款此行'),
  'file.refundOrder': e('Refund the whole order', 'Вернуть весь заказ', '整单退款'),
  'file.showCustoms': e('Customs document', 'Таможенный документ', '报关单'),
  'col.pavilion': e('Pavilion', 'Павильон', '展馆'),
  'col.status': e('Status', 'Статус', '状态'),
  'col.shipment': e('Shipment', 'Отправка', '发货'),
  'col.refund': e('Refund', 'Возврат', '退款'),
  'col.when': e('When', 'Когда', '时间'),
  'col.what': e('What', 'Что', '事件'),
  'col.who': e('Who', 'Кто', '操作方'),
  'col.order': e('Order', 'Заказ', '订单'),
  'col.placed': e('Placed', 'Оформлен', '下单时间'),
  'refund.title': e('Refund {what}', 'Возврат: {what}', '退款：{what}'),
  'refund.line': e('line {lineNo}', 'позиция {lineNo}', '第 {lineNo} 行'),
  'refund.order': e('the whole order', 'весь заказ', '整个订单'),
  'refund.reason': e('Reason (kept with your name in the order’s history)', 'Причина (сохраняется с вашим именем в истории заказа)', '原因（与您的账号一起记入订单历史）'),
  'refund.restock': e('Put the units back on sale once refunded (unshipped lines)', 'Вернуть товар в продажу после возврата (неотправленные позиции)', '退款后商品重新上架（未发货的行）'),
  'refund.submit': e('Refund', 'Вернуть деньги', '确认退款'),
  'refund.cancel': e('Cancel', 'Отмена', '取消'),
  'refund.done': e('Refund {refundId} asked for: {status}.', 'Возврат {refundId} запрошен: {status}.', '已申请退款 {refundId}：{status}。'),
  'refund.failed': e('The refund was refused: {reason}', 'Возврат отклонён: {reason}', '退款被拒：{reason}'),
  'refund.reasonMissing': e('Say why, in a few words.', 'Укажите причину в нескольких словах.', '请简要说明原因。'),
  'history.placed': e('Placed', 'Оформлен', '下单'),
  'history.paid': e('Paid', 'Оплачен', '已付款'),
  'history.needs_attention': e('Paid, needs attention', 'Оплачен, требует внимания', '已付款，需处理'),
  'history.closed': e('Closed', 'Закрыт', '已关闭'),
  'history.cancelled': e('Cancelled', 'Отменён', '已取消'),
  'history.shipped': e('Shipped', 'Отправлен', '已发货'),
  'history.return_requested': e('Return asked for', 'Запрошен возврат товара', '申请退货'),
  'history.return_decided': e('Return decided', 'Решение по возврату товара', '退货已处理'),
  'history.return_received': e('Returned goods received', 'Возвращённый товар получен', '退货已收到'),
  'history.refund_requested': e('Refund asked for', 'Запрошен возврат денег', '申请退款'),
  'history.refund_succeeded': e('Refund succeeded', 'Деньги возвращены', '退款成功'),
  'history.refund_failed': e('Refund failed', 'Возврат не прошёл', '退款失败'),
  'history.operator_action': e('Operator action', 'Действие оператора', '运营操作'),
  'history.webhook_refused': e('Payment event refused', 'Событие платежа отклонено', '支付事件被拒'),
  'history.mail_sent': e('Mail sent', 'Письмо отправлено', '已发送邮件'),
  'pavilions.title': e('Pavilions', 'Павильоны', '展馆'),
  'pavilions.active': e('Active', 'Работает', '正常'),
  'pavilions.suspended': e('Suspended', 'Приостановлен', '已暂停'),
  'pavilions.suspendedNote': e('Suspended {time} by {by}: {reason}', 'Приостановлен {time} ({by}): {reason}', '{time} 由 {by} 暂停：{reason}'),
  'pavilions.inviteEmail': e('Invite a manager (email)', 'Пригласить менеджера (email)', '邀请管理员（邮箱）'),
  'pavilions.invite': e('Invite', 'Пригласить', '邀请'),
  'pavilions.invited': e('Invitation sent to {email}.', 'Приглашение отправлено: {email}.', '已向 {email} 发送邀请。'),
  'pavilions.reason': e('Reason', 'Причина', '原因'),
  'pavilions.suspend': e('Suspend', 'Приостановить', '暂停'),
  'pavilions.reinstate': e('Reinstate', 'Возобновить', '恢复'),
  'pavilions.suspendHint': e(
    'Suspended: its managers cannot use the workspace and its products cannot be bought. Paid lines stay: refund them if they will not ship.',
    'Приостановка: менеджеры не могут работать в кабинете, товары нельзя купить. Оплаченные позиции остаются: верните деньги, если их не отправят.',
    '暂停后：其管理员无法使用工作台，其商品无法购买。已付款的行保留：如不发货请退款。',
  ),
  'pavilions.actions': e('Operators’ actions', 'Действия операторов', '运营操作记录'),
  'pavilions.action.invite_manager': e('invited {invitee}', 'пригласил(а) {invitee}', '邀请了 {invitee}'),
  'pavilions.action.suspend': e('suspended: {reason}', 'приостановил(а): {reason}', '暂停：{reason}'),
  'pavilions.action.reinstate': e('reinstated: {reason}', 'возобновил(а): {reason}', '恢复：{reason}'),
  'pavilions.refused': e('Not done: {reason}', 'Не выполнено: {reason}', '未完成：{reason}'),
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
