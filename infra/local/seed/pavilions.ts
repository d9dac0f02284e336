import type { FreightRates } from '../../../functions/domain/freight.js';
import { minorUnitExponent, money } from '../../../functions/domain/money.js';
import type { Pavilion } from '../../../functions/domain/pavilion.js';

type Yuan = readonly [firstKg: number, extraKg: number];

/** Rates in whole yuan per first and per further kilogram, as a manager would type them. */
function freight(bonded: Yuan, rail: Yuan, air: Yuan): FreightRates {
  const fen = (yuan: number) => money(yuan * 10 ** minorUnitExponent('CNY'), 'CNY');
  const rate = ([firstKg, extraKg]: Yuan) => ({ firstKg: fen(firstKg), extraKg: fen(extraKg) });
  return { bonded_warehouse: rate(bonded), direct_rail: rate(rail), direct_air: rate(air) };
}

/**
 * Freight by how far the goods travel to a buyer in China: the bonded warehouse is in China already
 * (free, or a small handling fee where the stock comes a long way), rail from the neighbours by
 * the Central Asian and China–Europe lines is cheapest, air costs two to three times rail.
 */
const FREIGHT = {
  KZ: freight([0, 0], [20, 8], [52, 25]),
  MN: freight([0, 0], [20, 8], [50, 25]),
  KG: freight([0, 0], [22, 9], [55, 26]),
  RU: freight([0, 0], [25, 10], [58, 27]),
  UZ: freight([0, 0], [26, 10], [60, 28]),
  TJ: freight([0, 0], [28, 11], [62, 30]),
  PK: freight([0, 0], [30, 12], [65, 30]),
  IN: freight([0, 0], [32, 13], [68, 32]),
  BY: freight([0, 0], [30, 12], [80, 36]),
  AF: freight([3, 1], [34, 14], [75, 35]),
  IR: freight([3, 1], [33, 14], [78, 36]),
  TR: freight([5, 2], [35, 15], [85, 38]),
  EG: freight([5, 2], [35, 15], [90, 40]),
} satisfies Record<string, FreightRates>;

/**
 * The pavilions of the seeded store, after the 2023 SCO expo in Qingdao (330 enterprises from
 * 34 countries and regions). China is the buyers' market, so it has no pavilion of its own.
 * SCO standing (sectsco.org): members (Belarus since 2024, Iran since 2023),
 * Mongolia and Afghanistan observers, Egypt and Türkiye dialogue partners.
 * Colours come from each flag; `primary` is dark enough to read as text on white (WCAG AA, 4.5:1).
 */
export const SEED_PAVILIONS: readonly Pavilion[] = [
  {
    code: 'KG',
    name: { zh: '吉尔吉斯斯坦', ru: 'Кыргызстан', en: 'Kyrgyzstan' },
    tagline: {
      zh: '天山脚下的白蜜、樱桃与牧场奶香',
      ru: 'Белый мёд, черешня и молочное со склонов Тянь-Шаня',
      en: 'White honey, cherries and pasture dairy from the foot of the Tian Shan',
    },
    currency: 'KGS',
    standing: 'member',
    colors: { primary: '#C8102E', accent: '#F6C200' },
    flag: '🇰🇬',
    freightRates: FREIGHT.KG,
  },
  {
    code: 'RU',
    name: { zh: '俄罗斯', ru: 'Россия', en: 'Russia' },
    tagline: {
      zh: '阿尔泰蜂蜜、西伯利亚松子与经典巧克力',
      ru: 'Алтайский мёд, сибирский кедровый орех и шоколад по ГОСТу',
      en: 'Altai honey, Siberian pine nuts and classic chocolate',
    },
    currency: 'RUB',
    standing: 'member',
    colors: { primary: '#0039A6', accent: '#D52B1E' },
    flag: '🇷🇺',
    freightRates: FREIGHT.RU,
  },
  {
    code: 'KZ',
    name: { zh: '哈萨克斯坦', ru: 'Казахстан', en: 'Kazakhstan' },
    tagline: {
      zh: '阿拉木图苹果的故乡，草原上的驼奶与马肠',
      ru: 'Родина алматинского апорта, шубат и казы из степи',
      en: 'Home of the Almaty apple, with camel milk and kazy from the steppe',
    },
    currency: 'KZT',
    standing: 'member',
    // The flag's sky blue (#00AFCA) is too light for text, so the primary is a deeper shade of it.
    colors: { primary: '#00728F', accent: '#FEC50C' },
    flag: '🇰🇿',
    freightRates: FREIGHT.KZ,
  },
  {
    code: 'UZ',
    name: { zh: '乌兹别克斯坦', ru: 'Узбекистан', en: 'Uzbekistan' },
    tagline: {
      zh: '丝绸之路上的葡萄干、杏干与手工苏扎尼刺绣',
      ru: 'Изюм, курага и сюзане ручной работы с Великого шёлкового пути',
      en: 'Raisins, apricots and hand-stitched suzani from the Silk Road',
    },
    currency: 'UZS',
    standing: 'member',
    colors: { primary: '#00708C', accent: '#1EB53A' },
    flag: '🇺🇿',
    freightRates: FREIGHT.UZ,
  },
  {
    code: 'TJ',
    name: { zh: '塔吉克斯坦', ru: 'Таджикистан', en: 'Tajikistan' },
    tagline: {
      zh: '帕米尔高原的杏子、桑葚与山花蜜',
      ru: 'Абрикосы, шелковица и горный мёд с Памира',
      en: 'Apricots, mulberries and mountain honey from the Pamirs',
    },
    currency: 'TJS',
    standing: 'member',
    colors: { primary: '#006633', accent: '#F8C300' },
    flag: '🇹🇯',
    freightRates: FREIGHT.TJ,
  },
  {
    code: 'EG',
    name: { zh: '埃及', ru: 'Египет', en: 'Egypt' },
    tagline: {
      zh: '尼罗河畔的椰枣、洛神花与香料',
      ru: 'Финики, каркаде и пряности с берегов Нила',
      en: 'Dates, hibiscus and spices from the banks of the Nile',
    },
    currency: 'EGP',
    standing: 'partner',
    colors: { primary: '#A8141F', accent: '#C09300' },
    flag: '🇪🇬',
    freightRates: FREIGHT.EG,
  },
  {
    code: 'BY',
    name: { zh: '白俄罗斯', ru: 'Беларусь', en: 'Belarus' },
    tagline: {
      zh: '湖泊与森林之国的奶酪、奶粉和亚麻',
      ru: 'Сыры, сухое молоко и лён из края озёр и лесов',
      en: 'Cheese, milk powder and linen from the land of lakes and forests',
    },
    currency: 'BYN',
    standing: 'member',
    colors: { primary: '#B8232F', accent: '#4AA657' },
    flag: '🇧🇾',
    freightRates: FREIGHT.BY,
  },
  {
    code: 'PK',
    name: { zh: '巴基斯坦', ru: 'Пакистан', en: 'Pakistan' },
    tagline: {
      zh: '旁遮普的巴斯马蒂香米、喜马拉雅玫瑰盐与芒果',
      ru: 'Басмати из Пенджаба, гималайская соль и манго',
      en: 'Punjab basmati, Himalayan pink salt and mangoes',
    },
    currency: 'PKR',
    standing: 'member',
    colors: { primary: '#01411C', accent: '#4CAF7A' },
    flag: '🇵🇰',
    freightRates: FREIGHT.PK,
  },
  {
    code: 'IN',
    name: { zh: '印度', ru: 'Индия', en: 'India' },
    tagline: {
      zh: '大吉岭与阿萨姆的红茶，喀拉拉的胡椒',
      ru: 'Чай из Дарджилинга и Ассама, перец с Малабарского берега',
      en: 'Darjeeling and Assam teas, pepper from the Malabar coast',
    },
    currency: 'INR',
    standing: 'member',
    colors: { primary: '#0B6B0B', accent: '#FF9933' },
    flag: '🇮🇳',
    freightRates: FREIGHT.IN,
  },
  {
    code: 'MN',
    name: { zh: '蒙古国', ru: 'Монголия', en: 'Mongolia' },
    tagline: {
      zh: '草原游牧人家的羊绒、奶干与风干牛肉',
      ru: 'Кашемир, арул и борц от кочевников степи',
      en: 'Cashmere, aaruul and air-dried beef from the herders of the steppe',
    },
    currency: 'MNT',
    standing: 'observer',
    colors: { primary: '#015197', accent: '#C4272F' },
    flag: '🇲🇳',
    freightRates: FREIGHT.MN,
  },
  {
    code: 'TR',
    name: { zh: '土耳其', ru: 'Турция', en: 'Türkiye' },
    tagline: {
      zh: '安泰普开心果、马拉蒂亚杏干与里泽红茶',
      ru: 'Антепская фисташка, малатийский абрикос и чай из Ризе',
      en: 'Antep pistachios, Malatya apricots and tea from Rize',
    },
    currency: 'TRY',
    standing: 'partner',
    colors: { primary: '#B00A14', accent: '#F4A7AC' },
    flag: '🇹🇷',
    freightRates: FREIGHT.TR,
  },
  {
    code: 'IR',
    name: { zh: '伊朗', ru: 'Иран', en: 'Iran' },
    tagline: {
      zh: '呼罗珊藏红花、克尔曼开心果与伊斯法罕甜点',
      ru: 'Шафран Хорасана, фисташки Кермана и сладости Исфахана',
      en: 'Khorasan saffron, Kerman pistachios and sweets of Isfahan',
    },
    // Stripe does not accept IRR (functions/domain/money.ts), so Iran's pavilion prices in US dollars,
    // as Iranian exporters commonly quote foreign buyers anyway.
    currency: 'USD',
    standing: 'member',
    colors: { primary: '#1B7A34', accent: '#DA0000' },
    flag: '🇮🇷',
    freightRates: FREIGHT.IR,
  },
  {
    code: 'AF',
    name: { zh: '阿富汗', ru: 'Афганистан', en: 'Afghanistan' },
    tagline: {
      zh: '兴都库什山的松子、赫拉特藏红花与绿葡萄干',
      ru: 'Кедровые орехи Гиндукуша, гератский шафран и зелёный изюм',
      en: 'Hindu Kush pine nuts, Herat saffron and green raisins',
    },
    currency: 'AFN',
    standing: 'observer',
    colors: { primary: '#00703C', accent: '#BE0000' },
    flag: '🇦🇫',
    freightRates: FREIGHT.AF,
  },
];
