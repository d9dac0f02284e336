import type { Language } from '../../../functions/domain/languages.js';

/**
 * Every string of the storefront's own interface, in the three site languages.
 * Product and pavilion texts come from the catalogue (Localized fields), never from here.
 * `{name}` marks a value filled in by t(); an object of plural forms is chosen with Intl.PluralRules on `n`.
 */
export type PluralForms = { readonly one?: string; readonly few?: string; readonly many?: string; readonly other: string };
export type Entry = string | PluralForms;

const en = {
  'site.name': 'SCO Bazaar',
  'site.description':
    'Genuine goods from the SCO country pavilions: Kyrgyz honey, Russian sweets, Kazakh dairy and more, shipped across the border to shoppers in China.',
  'nav.skip': 'Skip to content',
  'nav.home': 'Home',
  'nav.pavilions': 'Pavilions',
  'nav.categories': 'Categories',
  'nav.cart': 'Cart',
  'nav.main': 'Main',
  'nav.breadcrumb': 'You are here',
  'lang.label': 'Language',

  'hero.kicker': 'The SCO pavilions, online',
  'hero.title': 'Genuine goods from the SCO countries, delivered in China',
  'hero.lead':
    'Honey, dried fruit, dairy and crafts sold by the national pavilions themselves. Every food listing shows its China Customs registration; goods ship from a bonded warehouse in China or straight from their country of origin.',
  'hero.cta': 'Browse the pavilions',
  'hero.ctaSecondary': 'Shop by category',
  'trust.gacc': 'Food exporters registered with China Customs (GACC)',
  'trust.shipping': 'Bonded-warehouse stock arrives within days',
  'trust.direct': 'Sold directly by the national pavilions',

  'home.pavilions.title': 'Country pavilions',
  'home.pavilions.lead': 'Each pavilion sells its own country’s producers, in its own currency.',
  'home.featured.title': 'Featured from the pavilions',
  'home.categories.title': 'Shop by category',
  'pavilions.title': 'All pavilions',

  'count.products': { one: '{n} product', other: '{n} products' },
  'count.days': { one: '{n} day', other: '{n} days' },
  'count.pavilions': { one: 'from {n} pavilion', other: 'from {n} pavilions' },

  'pavilion.visit': 'Visit the pavilion',
  'pavilion.currency': 'Prices in {currency}',
  'pavilion.empty': 'This pavilion has no products on sale yet.',
  'pavilion.products': 'Products',
  'filter.label': 'Filter by category',
  'filter.all': 'All',
  'standing.member': 'SCO member state',
  'standing.observer': 'SCO observer state',
  'standing.partner': 'SCO dialogue partner',
  'standing.guest': 'Expo guest country',

  'product.producer': 'Producer',
  'product.origin': 'Origin',
  'product.unit': 'Pack',
  'product.weight': 'Shipping weight',
  'product.sku': 'SKU',
  'product.category': 'Category',
  'product.description': 'About this product',
  'product.details': 'Details',
  'product.taxNote': 'Cross-border import tax and delivery are calculated at checkout.',
  'product.addToCart': 'Add to cart',
  'product.more': 'More from {pavilion}',
  'product.imageAlt': '{title}, {unit}',
  'stock.in': 'In stock: {n}',
  'stock.low': 'Only {n} left',
  'stock.out': 'Sold out',

  'fulfilment.title': 'Delivery',
  'fulfilment.bonded_warehouse': 'Ships from a bonded warehouse in China',
  'fulfilment.direct_rail': 'Sent directly from {origin} by rail',
  'fulfilment.direct_air': 'Sent directly from {origin} by air',
  'fulfilment.time': 'Arrives in about {days}',
  'fulfilment.short': '~{days} delivery',
  'fulfilment.explain.bonded':
    'The goods already wait in a bonded warehouse in China and leave as soon as customs clears your order.',
  'fulfilment.explain.direct':
    'The goods travel straight from their country of origin and clear customs as a cross-border retail import.',

  'certificates.title': 'Certificates and registrations',
  'certificates.kind': 'Type',
  'certificates.number': 'Number',
  'certificates.issuer': 'Issued by',
  'certificates.validUntil': 'Valid until',
  'certificates.none': 'No certificates are listed for this product.',
  'certificates.gaccExplain':
    'Food makers exporting to China must be registered with the General Administration of Customs of China (GACC). The number shows this producer is cleared to export this kind of food to China.',
  'cert.gacc': 'GACC registration (China Customs)',
  'cert.halal': 'Halal',
  'cert.organic': 'Organic',
  'cert.eac': 'EAC conformity (Eurasian Economic Union)',
  'cert.gi': 'Geographical indication',
  'cert.iso22000': 'ISO 22000 food safety',
  'cert.other': 'Other',

  'category.title': '{category}',
  'category.lead': 'Everything in this category across the pavilions.',

  'footer.about':
    'SCO Bazaar brings together the country pavilions of the SCO region and sells their goods to shoppers in China.',
  'footer.crossBorder':
    'Cross-border retail imports to China: up to CNY 5,000 per order and CNY 26,000 per year for each buyer.',
  'footer.pavilions': 'Pavilions',
  'footer.categories': 'Categories',
  'footer.language': 'Language',
  'footer.updated': 'Catalogue updated {date}',

  'notFound.title': 'Page not found',
  'notFound.body': 'This page does not exist, or the product is no longer on sale.',
  'notFound.back': 'Back to the home page',
} satisfies Record<string, Entry>;

export type UiKey = keyof typeof en;
type Dictionary = Record<UiKey, Entry>;

const zh: Dictionary = {
  'site.name': '上合集市',
  'site.description': '上合组织各国家馆的正宗商品：吉尔吉斯斯坦蜂蜜、俄罗斯糖果、哈萨克斯坦乳制品等，跨境直达中国消费者。',
  'nav.skip': '跳到正文',
  'nav.home': '首页',
  'nav.pavilions': '国家馆',
  'nav.categories': '商品分类',
  'nav.cart': '购物车',
  'nav.main': '主导航',
  'nav.breadcrumb': '当前位置',
  'lang.label': '语言',

  'hero.kicker': '上合组织国家馆 · 线上开馆',
  'hero.title': '上合组织国家的地道好物，直送中国',
  'hero.lead':
    '蜂蜜、果干、乳制品和手工艺品，由各国家馆直接销售。每件食品都标明海关总署（GACC）注册号；商品从中国境内保税仓发货，或从原产国直邮。',
  'hero.cta': '逛逛国家馆',
  'hero.ctaSecondary': '按分类选购',
  'trust.gacc': '食品出口商均在中国海关总署（GACC）注册',
  'trust.shipping': '保税仓现货，数日送达',
  'trust.direct': '各国家馆直供',

  'home.pavilions.title': '国家馆',
  'home.pavilions.lead': '每个国家馆销售本国生产商的商品，以本国货币计价。',
  'home.featured.title': '国家馆精选',
  'home.categories.title': '按分类选购',
  'pavilions.title': '全部国家馆',

  'count.products': { other: '{n} 件商品' },
  'count.days': { other: '{n} 天' },
  'count.pavilions': { other: '来自 {n} 个国家馆' },

  'pavilion.visit': '进入国家馆',
  'pavilion.currency': '以{currency}计价',
  'pavilion.empty': '本馆暂无在售商品。',
  'pavilion.products': '在售商品',
  'filter.label': '按分类筛选',
  'filter.all': '全部',
  'standing.member': '上合组织成员国',
  'standing.observer': '上合组织观察员国',
  'standing.partner': '上合组织对话伙伴',
  'standing.guest': '博览会嘉宾国',

  'product.producer': '生产商',
  'product.origin': '产地',
  'product.unit': '规格',
  'product.weight': '运输重量',
  'product.sku': '商品编号',
  'product.category': '分类',
  'product.description': '商品介绍',
  'product.details': '商品信息',
  'product.taxNote': '跨境进口税费和运费在结算时计算。',
  'product.addToCart': '加入购物车',
  'product.more': '{pavilion}馆更多好物',
  'product.imageAlt': '{title}，{unit}',
  'stock.in': '有货：{n} 件',
  'stock.low': '仅剩 {n} 件',
  'stock.out': '已售罄',

  'fulfilment.title': '配送',
  'fulfilment.bonded_warehouse': '中国境内保税仓发货',
  'fulfilment.direct_rail': '从{origin}铁路直邮',
  'fulfilment.direct_air': '从{origin}空运直邮',
  'fulfilment.time': '约 {days}送达',
  'fulfilment.short': '约 {days}送达',
  'fulfilment.explain.bonded': '商品已在中国保税仓备货，订单清关后即刻发出。',
  'fulfilment.explain.direct': '商品从原产国直接发出，以跨境电商零售进口方式清关。',

  'certificates.title': '证书与注册',
  'certificates.kind': '类型',
  'certificates.number': '编号',
  'certificates.issuer': '签发机构',
  'certificates.validUntil': '有效期至',
  'certificates.none': '此商品暂无证书信息。',
  'certificates.gaccExplain':
    '向中国出口食品的境外生产企业须在中华人民共和国海关总署（GACC）注册。注册号表明该生产商已获准向中国出口此类食品。',
  'cert.gacc': '海关总署境外生产企业注册',
  'cert.halal': '清真认证',
  'cert.organic': '有机认证',
  'cert.eac': 'EAC 合格认证（欧亚经济联盟）',
  'cert.gi': '地理标志',
  'cert.iso22000': 'ISO 22000 食品安全管理体系',
  'cert.other': '其他',

  'category.title': '{category}',
  'category.lead': '各国家馆此分类下的全部商品。',

  'footer.about': '上合集市汇聚上海合作组织地区各国家馆，向中国消费者销售各国好物。',
  'footer.crossBorder': '跨境电商零售进口：每位消费者单次交易限值 5000 元，年度交易限值 26000 元。',
  'footer.pavilions': '国家馆',
  'footer.categories': '商品分类',
  'footer.language': '语言',
  'footer.updated': '商品目录更新于 {date}',

  'notFound.title': '页面不存在',
  'notFound.body': '此页面不存在，或该商品已下架。',
  'notFound.back': '返回首页',
};

const ru: Dictionary = {
  'site.name': 'Базар ШОС',
  'site.description':
    'Настоящие товары из павильонов стран ШОС: кыргызский мёд, российские сладости, казахстанские молочные продукты и многое другое с доставкой покупателям в Китае.',
  'nav.skip': 'Перейти к содержанию',
  'nav.home': 'Главная',
  'nav.pavilions': 'Павильоны',
  'nav.categories': 'Категории',
  'nav.cart': 'Корзина',
  'nav.main': 'Основное меню',
  'nav.breadcrumb': 'Вы здесь',
  'lang.label': 'Язык',

  'hero.kicker': 'Павильоны ШОС онлайн',
  'hero.title': 'Настоящие товары стран ШОС с доставкой в Китай',
  'hero.lead':
    'Мёд, сухофрукты, молочные продукты и ремёсла от самих национальных павильонов. У каждого продукта питания указана регистрация в таможне КНР; товары отправляются с таможенного склада в Китае или прямо из страны происхождения.',
  'hero.cta': 'Смотреть павильоны',
  'hero.ctaSecondary': 'Выбрать по категории',
  'trust.gacc': 'Экспортёры продуктов зарегистрированы в таможне КНР (GACC)',
  'trust.shipping': 'Товары со склада в Китае — за несколько дней',
  'trust.direct': 'Продают сами национальные павильоны',

  'home.pavilions.title': 'Павильоны стран',
  'home.pavilions.lead': 'Каждый павильон продаёт товары производителей своей страны в своей валюте.',
  'home.featured.title': 'Избранное из павильонов',
  'home.categories.title': 'Категории',
  'pavilions.title': 'Все павильоны',

  'count.products': { one: '{n} товар', few: '{n} товара', many: '{n} товаров', other: '{n} товара' },
  'count.days': { one: '{n} день', few: '{n} дня', many: '{n} дней', other: '{n} дня' },
  'count.pavilions': { one: 'из {n} павильона', few: 'из {n} павильонов', many: 'из {n} павильонов', other: 'из {n} павильона' },

  'pavilion.visit': 'В павильон',
  'pavilion.currency': 'Цены в валюте: {currency}',
  'pavilion.empty': 'В этом павильоне пока нет товаров в продаже.',
  'pavilion.products': 'Товары',
  'filter.label': 'Фильтр по категории',
  'filter.all': 'Все',
  'standing.member': 'Государство — член ШОС',
  'standing.observer': 'Государство-наблюдатель ШОС',
  'standing.partner': 'Партнёр ШОС по диалогу',
  'standing.guest': 'Страна — гость выставки',

  'product.producer': 'Производитель',
  'product.origin': 'Происхождение',
  'product.unit': 'Фасовка',
  'product.weight': 'Вес при доставке',
  'product.sku': 'Артикул',
  'product.category': 'Категория',
  'product.description': 'О товаре',
  'product.details': 'Характеристики',
  'product.taxNote': 'Налог на трансграничный ввоз и доставка рассчитываются при оформлении заказа.',
  'product.addToCart': 'В корзину',
  'product.more': 'Ещё из павильона: {pavilion}',
  'product.imageAlt': '{title}, {unit}',
  'stock.in': 'В наличии: {n} шт.',
  'stock.low': 'Осталось всего {n} шт.',
  'stock.out': 'Нет в наличии',

  'fulfilment.title': 'Доставка',
  'fulfilment.bonded_warehouse': 'Отправка с таможенного склада в Китае',
  'fulfilment.direct_rail': 'Напрямую из страны происхождения ({origin}) поездом',
  'fulfilment.direct_air': 'Напрямую из страны происхождения ({origin}) самолётом',
  'fulfilment.time': 'Доставка примерно за {days}',
  'fulfilment.short': 'Доставка ~{days}',
  'fulfilment.explain.bonded':
    'Товар уже лежит на таможенном складе в Китае и отправляется сразу после таможенного оформления заказа.',
  'fulfilment.explain.direct':
    'Товар едет прямо из страны происхождения и проходит таможню как трансграничная розничная покупка.',

  'certificates.title': 'Сертификаты и регистрации',
  'certificates.kind': 'Вид',
  'certificates.number': 'Номер',
  'certificates.issuer': 'Кем выдан',
  'certificates.validUntil': 'Действует до',
  'certificates.none': 'Для этого товара сертификаты не указаны.',
  'certificates.gaccExplain':
    'Производители продуктов питания, поставляющие их в Китай, обязаны зарегистрироваться в Главном таможенном управлении КНР (GACC). Номер подтверждает, что производитель допущен к экспорту таких продуктов в Китай.',
  'cert.gacc': 'Регистрация GACC (таможня КНР)',
  'cert.halal': 'Халяль',
  'cert.organic': 'Органический продукт',
  'cert.eac': 'Соответствие ЕАЭС (EAC)',
  'cert.gi': 'Географическое указание',
  'cert.iso22000': 'ISO 22000, безопасность пищевой продукции',
  'cert.other': 'Другое',

  'category.title': '{category}',
  'category.lead': 'Все товары этой категории из всех павильонов.',

  'footer.about': 'Базар ШОС объединяет павильоны стран региона ШОС и продаёт их товары покупателям в Китае.',
  'footer.crossBorder':
    'Трансграничная розничная торговля с Китаем: не более 5000 юаней за заказ и 26 000 юаней в год на покупателя.',
  'footer.pavilions': 'Павильоны',
  'footer.categories': 'Категории',
  'footer.language': 'Язык',
  'footer.updated': 'Каталог обновлён {date}',

  'notFound.title': 'Страница не найдена',
  'notFound.body': 'Такой страницы нет, или товар больше не продаётся.',
  'notFound.back': 'На главную',
};

export const UI: Record<Language, Dictionary> = { zh, ru, en };

/** Each language named in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { zh: '中文', ru: 'Русский', en: 'English' };
