import { STATEMENT_WORDS } from '../statements/words.js';

/**
 * The workspace's own words in the site's three languages. Markup carries the English text
 * (so the page reads before any script runs) and `data-i18n` keys; applyLanguage swaps them.
 */
export const WORKSPACE_LANGUAGES = ['en', 'ru', 'zh'] as const;
export type WorkspaceLanguage = (typeof WORKSPACE_LANGUAGES)[number];

type Entry = Record<WorkspaceLanguage, string>;
const e = (en: string, ru: string, zh: string): Entry => ({ en, ru, zh });

export const WORDS = {
  'app.title': e('Pavilion workspace', 'Кабинет павильона', '展馆工作台'),
  'nav.listings': e('Listings', 'Товары', '商品'),
  'nav.import': e('Import CSV', 'Импорт CSV', '批量导入'),
  'nav.orders': e('Orders', 'Заказы', '订单'),
  'nav.freight': e('Freight', 'Доставка', '运费'),
  'nav.signOut': e('Sign out', 'Выйти', '退出登录'),
  'nav.language': e('Language', 'Язык', '语言'),
  'signin.title': e('Sign in to your pavilion', 'Вход в кабинет павильона', '登录展馆工作台'),
  'signin.lead': e('Manage your listings, stock and orders on SCO Bazaar.', 'Управляйте товарами, остатками и заказами на SCO Bazaar.', '在 SCO Bazaar 管理您的商品、库存和订单。'),
  'signin.button': e('Sign in', 'Войти', '登录'),
  'signin.expired': e('Your session has ended. Please sign in again.', 'Сеанс завершён. Войдите снова.', '会话已结束，请重新登录。'),
  'signin.forbidden': e('This account does not manage a pavilion.', 'Эта учётная запись не управляет павильоном.', '此账号未关联任何展馆。'),
  'signin.rejected': e('Sign-in link not accepted, please sign in again.', 'Ссылка для входа не принята, войдите снова.', '登录链接无效，请重新登录。'),
  'common.loading': e('Loading…', 'Загрузка…', '加载中…'),
  'common.more': e('Load more', 'Показать ещё', '加载更多'),
  'common.cancel': e('Cancel', 'Отмена', '取消'),
  'common.close': e('Close', 'Закрыть', '关闭'),
  'common.reload': e('Reload', 'Обновить', '重新加载'),
  'error.fields': e('Please correct the highlighted fields.', 'Исправьте отмеченные поля.', '请修正标出的字段。'),
  'error.network': e('The server could not be reached. Check the connection and try again.', 'Сервер недоступен. Проверьте соединение и повторите.', '无法连接服务器，请检查网络后重试。'),
  'listings.title': e('Listings', 'Товары', '商品'),
  'listings.new': e('New listing', 'Новый товар', '新建商品'),
  'listings.filter': e('Filter by SKU or title (press /)', 'Фильтр по артикулу или названию (клавиша /)', '按货号或名称筛选（按 / 键）'),
  'listings.empty': e('No listings here yet. Create one or import a CSV file.', 'Здесь пока нет товаров. Создайте товар или импортируйте CSV.', '暂无商品。请新建商品或导入 CSV 文件。'),
  'tab.active': e('On sale', 'В продаже', '在售'),
  'tab.archived': e('Archived', 'В архиве', '已归档'),
  'tab.all': e('All', 'Все', '全部'),
  'col.sku': e('SKU', 'Артикул', '货号'),
  'col.title': e('Title', 'Название', '名称'),
  'col.category': e('Category', 'Категория', '类别'),
  'col.price': e('Price', 'Цена', '价格'),
  'col.onHand': e('On hand', 'На складе', '现有'),
  'col.reserved': e('Reserved', 'В резерве', '已预留'),
  'col.sold': e('Sold', 'Продано', '已售'),
  'col.status': e('Status', 'Статус', '状态'),
  'col.line': e('Line', 'Строка', '行'),
  'col.outcome': e('Result', 'Результат', '结果'),
  'col.problems': e('Problems', 'Ошибки', '问题'),
  'col.paidAt': e('Paid', 'Оплачен', '付款时间'),
  'col.order': e('Order', 'Заказ', '订单'),
  'col.item': e('Item', 'Товар', '商品'),
  'col.qty': e('Qty', 'Кол-во', '数量'),
  'col.shipment': e('Shipment', 'Отправка', '发货'),
  'col.shipTo': e('Ship to', 'Куда отправить', '收货信息'),
  'status.active': e('On sale', 'В продаже', '在售'),
  'status.archived': e('Archived', 'В архиве', '已归档'),
  'stock.button': e('Stock', 'Остаток', '库存'),
  'stock.title': e('Change stock', 'Изменить остаток', '调整库存'),
  'stock.adjust': e('Add or remove units', 'Добавить или списать', '增减数量'),
  'stock.set': e('Set the counted units on hand', 'Указать фактический остаток', '设为盘点数量'),
  'stock.delta': e('Units (+ to add, − to remove)', 'Количество (+ приход, − списание)', '数量（+ 入库，− 出库）'),
  'stock.onHand': e('Units on hand', 'Фактически на складе', '现有数量'),
  'stock.reason': e('Reason', 'Причина', '原因'),
  'stock.note': e('Note (optional)', 'Примечание (необязательно)', '备注（可选）'),
  'stock.apply': e('Apply', 'Применить', '确定'),
  'stock.history': e('Stock history', 'История остатков', '库存记录'),
  'stock.noHistory': e('No changes yet.', 'Изменений пока нет.', '暂无变动。'),
  'stock.reservedHint': e('{n} reserved by checkouts awaiting payment; on hand cannot go below that.', '{n} в резерве у неоплаченных заказов; остаток не может быть меньше.', '{n} 件被待付款订单预留，库存不能低于此数。'),
  'stock.changed': e('Stock updated: {n} on hand.', 'Остаток обновлён: {n} на складе.', '库存已更新：现有 {n}。'),
  'reason.restock': e('Restock', 'Поступление', '补货'),
  'reason.count': e('Stock count', 'Инвентаризация', '盘点'),
  'reason.damaged': e('Damaged', 'Повреждение', '损坏'),
  'reason.lost': e('Lost', 'Утеря', '丢失'),
  'reason.returned': e('Returned', 'Возврат', '退货'),
  'reason.correction': e('Correction', 'Исправление', '更正'),
  'reason.import': e('CSV import', 'Импорт CSV', 'CSV 导入'),
  'editor.new': e('New listing', 'Новый товар', '新建商品'),
  'editor.edit': e('Edit listing', 'Редактирование товара', '编辑商品'),
  'editor.save': e('Save', 'Сохранить', '保存'),
  'editor.saving': e('Saving…', 'Сохранение…', '保存中…'),
  'editor.saved': e('Saved.', 'Сохранено.', '已保存。'),
  'editor.created': e('Listing created.', 'Товар создан.', '商品已创建。'),
  'editor.saveHint': e('Ctrl+S saves', 'Ctrl+S — сохранить', 'Ctrl+S 保存'),
  'editor.archive': e('Archive', 'В архив', '归档'),
  'editor.restore': e('Put back on sale', 'Вернуть в продажу', '恢复上架'),
  'editor.archived': e('This listing is archived: shoppers do not see it.', 'Товар в архиве: покупатели его не видят.', '该商品已归档，顾客不可见。'),
  'editor.stale': e('Someone changed this listing since you opened it. Reload it, then apply your change again.', 'Товар изменили после того, как вы его открыли. Обновите страницу и повторите изменение.', '自您打开后，该商品已被他人修改。请重新加载后再修改。'),
  'editor.notFound': e('There is no such listing.', 'Такого товара нет.', '没有该商品。'),
  'editor.basics': e('Basics', 'Основное', '基本信息'),
  'editor.texts': e('Texts in three languages', 'Тексты на трёх языках', '三种语言的文本'),
  'editor.shipping': e('Shipping and customs', 'Доставка и таможня', '发货与报关'),
  'editor.certificates': e('Certificates', 'Сертификаты', '证书'),
  'editor.images': e('Images', 'Изображения', '图片'),
  'field.sku': e('SKU', 'Артикул', '货号'),
  'field.skuHint': e('Your own code; it cannot change later.', 'Ваш код товара; потом его не изменить.', '您自己的货号，保存后不可更改。'),
  'field.category': e('Category', 'Категория', '类别'),
  'field.price': e('Price per unit', 'Цена за единицу', '单价'),
  'field.weight': e('Weight (g)', 'Вес (г)', '重量（克）'),
  'field.initialStock': e('Units on hand now', 'Сейчас на складе', '当前库存'),
  'field.title': e('Title', 'Название', '名称'),
  'field.unit': e('Unit', 'Единица', '单位'),
  'field.origin': e('Origin', 'Происхождение', '产地'),
  'field.producer': e('Producer', 'Производитель', '生产商'),
  'field.description': e('Description', 'Описание', '描述'),
  'field.mode': e('Fulfilment', 'Способ доставки', '履约方式'),
  'field.leadTime': e('Lead time (days)', 'Срок отправки (дней)', '备货时间（天）'),
  'field.hsCode': e('HS code (China)', 'Код HS (Китай)', '海关商品编码（HS）'),
  'field.hsCodeHint': e(
    '10 digits, China\'s tariff code, e.g. 0409000000 for honey. Customs declares the goods under it, and the import tax follows from it.',
    '10 цифр, код по таможенному тарифу Китая, например 0409000000 для мёда. По нему товар декларируется на таможне и от него зависит ввозной налог.',
    '10 位数字的中国海关商品编码，例如蜂蜜为 0409000000。海关按此编码申报商品，进口税率也由它决定。',
  ),
  'field.hsCodeError': e('10 digits, China\'s tariff code, e.g. 0409000000', '10 цифр кода по тарифу Китая, например 0409000000', '请填写 10 位中国海关商品编码，例如 0409000000'),
  'hsCode.importable': e(
    'On China’s cross-border list: shoppers in China pay {rate}% import tax on the goods and their freight.',
    'Код в списке трансграничной торговли Китая: покупатели в Китае платят ввозной налог {rate}% со стоимости товара и доставки.',
    '该编码在跨境电商零售进口清单内：中国顾客按货值和运费的 {rate}% 缴纳进口税。',
  ),
  'hsCode.notImportable': e(
    'Not on China’s cross-border list: shoppers in China cannot buy goods under this code as a cross-border purchase. The listing can be saved but will not sell; ask the operator.',
    'Кода нет в списке трансграничной торговли Китая: покупатели в Китае не могут купить товар с этим кодом как трансграничную покупку. Товар можно сохранить, но продаваться он не будет; обратитесь к оператору.',
    '该编码不在跨境电商零售进口清单内：中国顾客无法以跨境购买方式购买此编码下的商品。商品可以保存，但无法售出；请联系运营人员。',
  ),
  'listings.notImportable': e('Not sold in China: HS code off the cross-border list', 'Не продаётся в Китай: кода HS нет в списке', '无法在中国销售：HS 编码不在跨境清单内'),
  'listings.noHsCode': e('Not sold in China: no HS code', 'Не продаётся в Китай: нет кода HS', '无法在中国销售：缺少 HS 编码'),
  'field.certKind': e('Kind', 'Вид', '类型'),
  'field.certNumber': e('Number', 'Номер', '编号'),
  'field.certIssuer': e('Issuer', 'Кем выдан', '签发机构'),
  'field.certValid': e('Valid until', 'Действует до', '有效期至'),
  'mode.bonded_warehouse': e('Bonded warehouse in China', 'Таможенный склад в Китае', '中国保税仓发货'),
  'mode.direct_rail': e('Direct from origin by rail', 'Напрямую из страны, ж/д', '原产地铁路直邮'),
  'mode.direct_air': e('Direct from origin by air', 'Напрямую из страны, авиа', '原产地空运直邮'),
  'cert.add': e('Add certificate', 'Добавить сертификат', '添加证书'),
  'cert.remove': e('Remove', 'Удалить', '删除'),
  'images.upload': e('Upload image', 'Загрузить изображение', '上传图片'),
  'images.hint': e('JPEG, PNG or WebP, up to 5 MB. The first image is the cover.', 'JPEG, PNG или WebP, до 5 МБ. Первое изображение — обложка.', 'JPEG、PNG 或 WebP，最大 5 MB。第一张为封面。'),
  'images.uploading': e('Uploading…', 'Загрузка…', '上传中…'),
  'images.cover': e('Make cover', 'Сделать обложкой', '设为封面'),
  'images.remove': e('Remove', 'Удалить', '移除'),
  'images.tooBig': e('{name} is larger than 5 MB.', '{name} больше 5 МБ.', '{name} 超过 5 MB。'),
  'images.badType': e('{name} is not a JPEG, PNG or WebP image.', '{name} — не JPEG, PNG или WebP.', '{name} 不是 JPEG、PNG 或 WebP 图片。'),
  'import.title': e('Import listings from CSV', 'Импорт товаров из CSV', '从 CSV 导入商品'),
  'import.lead': e('One row per SKU: new SKUs are created, existing ones updated. Importing the same file again changes nothing. A bad row never blocks the others.', 'Одна строка — один артикул: новые создаются, существующие обновляются. Повторный импорт того же файла ничего не меняет. Ошибочная строка не мешает остальным.', '每行一个货号：新货号将被创建，已有的将被更新。重复导入同一文件不会产生任何变化。错误的行不会影响其他行。'),
  'import.template': e('Download the template', 'Скачать шаблон', '下载模板'),
  'import.file': e('CSV file (UTF-8)', 'Файл CSV (UTF-8)', 'CSV 文件（UTF-8）'),
  'import.run': e('Import', 'Импортировать', '导入'),
  'import.running': e('Importing {name}…', 'Импорт {name}…', '正在导入 {name}…'),
  'import.part': e('Importing {name}: part {part} of {parts}…', 'Импорт {name}: часть {part} из {parts}…', '正在导入 {name}：第 {part} 部分，共 {parts} 部分…'),
  'import.partFailed': e('Part {part} of {parts} was not imported', 'Часть {part} из {parts} не импортирована', '第 {part} 部分（共 {parts} 部分）未导入'),
  'import.partsBefore': e('The parts before it were imported (below); importing the same file again is safe.', 'Предыдущие части импортированы (см. ниже); повторный импорт того же файла безопасен.', '之前的部分已导入（见下方）；再次导入同一文件是安全的。'),
  'import.badCsv': e('The file is not valid CSV', 'Файл не является корректным CSV', '该文件不是有效的 CSV'),
  'import.summary': e('{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected.', 'Строк: {rows}. Создано {created}, обновлено {updated}, без изменений {unchanged}, отклонено {rejected}.', '共 {rows} 行：新建 {created}，更新 {updated}，未变 {unchanged}，拒绝 {rejected}。'),
  'import.onlyRejected': e('Show rejected rows only', 'Только отклонённые строки', '仅显示被拒绝的行'),
  'import.columns': e('Columns', 'Столбцы', '列说明'),
  'outcome.created': e('Created', 'Создан', '已新建'),
  'outcome.updated': e('Updated', 'Обновлён', '已更新'),
  'outcome.unchanged': e('Unchanged', 'Без изменений', '未变'),
  'outcome.rejected': e('Rejected', 'Отклонён', '已拒绝'),
  'orders.title': e('Orders to fulfil', 'Заказы к отправке', '待履约订单'),
  'orders.empty': e('Nothing here.', 'Здесь пусто.', '暂无订单。'),
  'orders.carrier': e('Carrier', 'Перевозчик', '承运商'),
  'orders.tracking': e('Tracking number', 'Трек-номер', '运单号'),
  'orders.ship': e('Mark shipped', 'Отметить отправку', '标记已发货'),
  'orders.buyerIs': e('Buyer: {name}', 'Покупатель: {name}', '订购人：{name}'),
  'orders.postcode': e('Postcode', 'Индекс', '邮编'),
  'orders.buyerId': e('ID', 'ID', '身份证'),
  'orders.shipped': e('Marked shipped.', 'Отправка отмечена.', '已标记为已发货。'),
  'freight.title': e('Freight to China', 'Доставка в Китай', '运往中国的运费'),
  'freight.lead': e(
    'What a shopper in China pays for a parcel from your pavilion, in yuan. The lines of one cart that leave by the same mode travel as one parcel; every started kilogram counts.',
    'Сколько покупатель в Китае платит за посылку из вашего павильона, в юанях. Позиции одной корзины с одним способом доставки едут одной посылкой; каждый начатый килограмм считается целым.',
    '中国顾客为您展馆发出的一个包裹支付的运费（人民币）。同一购物车中以同一方式发货的商品合为一个包裹；不足一千克按一千克计。',
  ),
  'freight.defaultNote': e('These are the store\'s default rates. Save to make them your own.', 'Это ставки магазина по умолчанию. Сохраните, чтобы сделать их своими.', '这是平台的默认运费。保存后即成为您自己的运费。'),
  'freight.firstKg': e('First kg', 'Первый кг', '首重（1 千克）'),
  'freight.extraKg': e('Each further kg', 'Каждый следующий кг', '续重（每千克）'),
  'freight.example': e('A 2.5 kg parcel', 'Посылка 2,5 кг', '2.5 千克包裹'),
  'freight.hint': e(
    'Type yuan with up to two decimals, e.g. 28.00; 0 makes that mode free. Orders already placed keep the freight they were charged.',
    'Сумма в юанях, до двух знаков после запятой, например 28,00; 0 — бесплатно. Уже оформленные заказы сохраняют свою стоимость доставки.',
    '以人民币填写，最多两位小数，例如 28.00；填 0 即该方式免运费。已下的订单保留下单时的运费。',
  ),
  'freight.save': e('Save rates', 'Сохранить ставки', '保存运费'),
  'freight.saved': e('Freight rates saved.', 'Ставки доставки сохранены.', '运费已保存。'),
  'freight.amountError': e('An amount in yuan, such as 28.00', 'Сумма в юанях, например 28,00', '请填写人民币金额，例如 28.00'),
  'freight.tooHigh': e('At most {max} per kilogram', 'Не больше {max} за килограмм', '每千克最多 {max}'),
  // Statements (statements-page.ts): shared with the operator console's statements page.
  ...STATEMENT_WORDS,
  'fulfilment.to_ship': e('To ship', 'К отправке', '待发货'),
  'fulfilment.shipped': e('Shipped', 'Отправлен', '已发货'),
  // Refunds and returns of a line (orders-line-actions.ts).
  'fulfilment.cancelled': e('Cancelled: do not ship', 'Отменена: не отправлять', '已取消，请勿发货'),
  'refund.requested': e('Refund under way', 'Возврат денег в обработке', '退款处理中'),
  'refund.succeeded': e('Refunded', 'Деньги возвращены', '已退款'),
  'refund.failed': e('Refund failed: the operator resolves it', 'Возврат не прошёл: им займётся оператор', '退款失败，由运营人员处理'),
  'refund.open': e('Refund this line', 'Вернуть деньги за строку', '退款此商品'),
  'refund.reason': e('Reason', 'Причина', '原因'),
  'refund.reason.out_of_stock': e('Out of stock', 'Нет в наличии', '缺货'),
  'refund.reason.damaged': e('Damaged', 'Повреждён', '损坏'),
  'refund.reason.other': e('Other', 'Другое', '其他'),
  'refund.note': e('Note (optional)', 'Примечание (необязательно)', '备注（可选）'),
  'refund.confirm': e(
    'The shopper gets this line back with its share of freight and tax, and it will not ship. This cannot be undone.',
    'Покупателю вернутся деньги за строку с её долей доставки и налога, и она не будет отправлена. Отменить это нельзя.',
    '顾客将获退此商品的货款及其分摊的运费和税费，此商品不再发货。此操作无法撤销。',
  ),
  'refund.submit': e('Refund the line', 'Вернуть деньги', '确认退款'),
  'refund.done': e('Refund requested: the line will not ship.', 'Возврат запрошен: строка не будет отправлена.', '已申请退款，此商品不再发货。'),
  'return.requested': e('The shopper asks to return it: {reason}', 'Покупатель просит о возврате: {reason}', '顾客申请退货：{reason}'),
  'return.accepted': e('Return accepted: goods due back by {date}', 'Возврат принят: товар должен вернуться до {date}', '已同意退货：商品应于 {date} 前寄回'),
  'return.declined': e('Return declined: {reason}', 'Возврат отклонён: {reason}', '已拒绝退货：{reason}'),
  'return.received': e('Goods back ({condition}): refund under way', 'Товар получен ({condition}): деньги возвращаются', '已收到退货（{condition}），退款处理中'),
  'return.refunded': e('Returned and refunded', 'Возвращён, деньги возвращены', '已退货并退款'),
  'return.accept': e('Accept return', 'Принять возврат', '同意退货'),
  'return.decline': e('Decline return', 'Отклонить возврат', '拒绝退货'),
  'return.declineReason': e('Why it is declined (the shopper reads this)', 'Почему отклонён (покупатель это прочтёт)', '拒绝原因（顾客可见）'),
  'return.declineSubmit': e('Decline', 'Отклонить', '确认拒绝'),
  'return.receive': e('Goods received', 'Товар получен', '已收到退货'),
  'return.condition': e('Condition of the goods', 'Состояние товара', '商品状况'),
  'condition.resellable': e('Resellable: back on sale', 'Можно продать: вернуть в продажу', '完好，可重新销售'),
  'condition.damaged': e('Damaged: not sold again', 'Повреждён: не продаётся', '已损坏，不再销售'),
  'return.receiveSubmit': e('Confirm and refund the shopper', 'Подтвердить и вернуть деньги', '确认并为顾客退款'),
  'return.acceptedDone': e('Return accepted.', 'Возврат принят.', '已同意退货。'),
  'return.declinedDone': e('Return declined.', 'Возврат отклонён.', '已拒绝退货。'),
  'return.receivedDone': e('Goods received: the shopper is being refunded.', 'Товар получен: покупателю возвращаются деньги.', '已收到退货，正在为顾客退款。'),
} satisfies Record<string, Entry>;

export type WordKey = keyof typeof WORDS;

const STORAGE_KEY = 'sco-pavilion-lang';

export function currentLanguage(): WorkspaceLanguage {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (WORKSPACE_LANGUAGES as readonly string[]).includes(stored)) return stored as WorkspaceLanguage;
  } catch {
    // Storage blocked: fall back to the browser's languages.
  }
  const preferred = navigator.languages.map((tag) => tag.slice(0, 2));
  return (preferred.find((tag) => (WORKSPACE_LANGUAGES as readonly string[]).includes(tag)) as WorkspaceLanguage | undefined) ?? 'en';
}

export function tr(key: WordKey, vars: Record<string, string | number> = {}): string {
  const lang = currentLanguage();
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(LOCALE[lang]).format(value) : value;
  });
}

export const LOCALE: Record<WorkspaceLanguage, string> = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' };

export function locale(): string {
  return LOCALE[currentLanguage()];
}

/** Translates every `data-i18n` (text) and `data-i18n-placeholder` / `-label` element under `root`. */
export function applyLanguage(root: ParentNode = document): void {
  const lang = currentLanguage();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = tr(node.dataset.i18n as WordKey);
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) node.setAttribute('placeholder', tr(node.dataset.i18nPlaceholder as WordKey));
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) node.setAttribute('aria-label', tr(node.dataset.i18nLabel as WordKey));
}

export function setLanguage(lang: WorkspaceLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; applies to this page only.
  }
  applyLanguage();
  document.dispatchEvent(new CustomEvent('workspace:language'));
}
