import { certify } from '../certificates.js';
import { air, bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('PK');

const kalar = t('旁遮普卡拉尔地区', 'Калар, Пенджаб', 'Kalar tract, Punjab');
const khewra = t('旁遮普凯沃拉', 'Кхевра, Пенджаб', 'Khewra, Punjab');
const sindh = t('信德省米尔布尔哈斯', 'Мирпур-Хас, Синд', 'Mirpur Khas, Sindh');
const waziristan = t('开伯尔-普什图省', 'Хайбер-Пахтунхва', 'Khyber Pakhtunkhwa');

const kalarRice: SeedProducer = {
  name: t('卡拉尔香米厂', 'Рисовая мельница «Калар»', 'Kalar Rice Mills'),
  registrations: [c.gacc('1006', '2022-09-05', 132)],
};
const saltRange: SeedProducer = {
  name: t('盐岭矿盐公司', 'Соляной кряж', 'Salt Range Minerals'),
  registrations: [c.gacc('2501', '2023-04-11', 29)],
};
const sindhMangoes: SeedProducer = {
  name: t('米尔布尔芒果园', 'Манговые сады Мирпура', 'Mirpur Mango Orchards'),
  registrations: [c.gacc('0804', '2023-05-02', 64)],
};
const chilgozaTraders: SeedProducer = {
  name: t('苏莱曼山松子合作社', 'Кооператив «Сулейманов хребет»', 'Sulaiman Range Pine Nut Cooperative'),
  registrations: [c.gacc('0802', '2022-12-13', 40)],
};

export const PK_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'PK-GRN-001',
    category: 'grains',
    title: t('巴基斯坦超长粒巴斯马蒂香米', 'Рис басмати экстра-длинный', 'Pakistani extra-long basmati rice'),
    description: t(
      '旁遮普卡拉尔地区的巴斯马蒂米陈放一年，煮熟后米粒伸长近一倍，根根分明，散发淡淡的爆米花香。做抓饭、咖喱饭最合适。',
      'Басмати из района Калар в Пенджабе, выдержанный год: при варке зерно вытягивается почти вдвое, не слипается и пахнет попкорном. Для плова, бирьяни и карри.',
      'Basmati from the Kalar tract of Punjab, aged for a year: the grains nearly double in length, stay separate and smell faintly of popcorn. Made for pilaf, biryani and curry.',
    ),
    unit: unit.pack(5000),
    price: 2400,
    weightGrams: 5050,
    stock: 75,
    origin: kalar,
    producer: kalarRice,
    certificates: [
      c.halal(6101, '2028-06-30'),
      c.gi('Basmati (GI-1, Pakistan)', 'Intellectual Property Organization of Pakistan, GI registry', '2029-01-26'),
    ],
    fulfilment: rail(21),
    hsCode: '1006301000',
  },
  {
    sku: 'PK-SPC-001',
    category: 'spices',
    title: t('喜马拉雅玫瑰盐（研磨瓶）', 'Гималайская розовая соль, мельница', 'Himalayan pink salt grinder'),
    description: t(
      '开采自凯沃拉盐矿的天然岩盐，呈柔和的粉红色，含多种矿物质。咸味圆润，适合牛排、沙拉和烤蔬菜，瓶盖自带陶瓷研磨器。',
      'Каменная соль из шахты Кхевра, нежно-розовая, с природными минералами. Мягкая солёность — к стейку, салату и овощам; крышка с керамической мельницей.',
      'Rock salt mined at Khewra, gently pink and naturally mineral-rich. A rounded saltiness for steak, salads and roast vegetables; the cap has a ceramic grinder.',
    ),
    unit: unit.piece('500克 研磨瓶', 'мельница 500 г', '500 g grinder'),
    price: 650,
    weightGrams: 720,
    stock: 160,
    origin: khewra,
    producer: saltRange,
    certificates: [c.halal(6120, '2028-03-31')],
    fulfilment: bonded(3),
    hsCode: '2501001100',
  },
  {
    sku: 'PK-FRT-001',
    category: 'fruit',
    title: t('信德新鲜信德里芒果', 'Манго синдхри свежие', 'Fresh Sindhri mangoes'),
    description: t(
      '信德里是巴基斯坦的"芒果之王"：个大、皮薄、几乎无纤维，果肉像蜂蜜一样甜。六至七月空运直达，常温放一两天会更香。',
      'Синдхри — «король манго» Пакистана: крупный, тонкокожий, почти без волокон, медово-сладкий. Сезон — июнь и июль, доставка самолётом; дайте полежать день-два при комнатной температуре.',
      "Sindhri is Pakistan's king of mangoes: large, thin-skinned, almost fibreless and honey-sweet. Flown in June and July; let them sit a day or two at room temperature.",
    ),
    unit: unit.box(3000),
    price: 2800,
    weightGrams: 3300,
    stock: 20,
    origin: sindh,
    producer: sindhMangoes,
    certificates: [c.halal(6140, '2028-05-31')],
    fulfilment: air(5),
    hsCode: '0804502000',
  },
  {
    sku: 'PK-FRT-002',
    category: 'fruit',
    title: t('带壳奇尔戈扎松子', 'Кедровые орехи чилгоза в скорлупе', 'Chilgoza pine nuts in shell'),
    description: t(
      '生长在苏莱曼山脉的喜马拉雅白皮松松子，粒长、壳薄，一磕就开。果仁油润甘甜，轻轻烘烤后更香。',
      'Орехи сосны Жерарда с Сулеймановых гор: длинные, с тонкой скорлупой, которая легко раскалывается. Маслянистые и сладкие; после лёгкой обжарки ещё вкуснее.',
      'Nuts of the chilgoza pine from the Sulaiman mountains: long, with a thin shell that cracks with a squeeze. Rich and sweet, even better lightly toasted.',
    ),
    unit: unit.pack(500),
    price: 4500,
    weightGrams: 520,
    stock: 2,
    origin: waziristan,
    producer: chilgozaTraders,
    certificates: [c.halal(6150, '2028-01-31')],
    fulfilment: air(8),
    hsCode: '0802910000',
  },
  {
    sku: 'PK-CRF-001',
    category: 'crafts',
    title: t('手工雕刻喜马拉雅盐灯', 'Соляная лампа ручной обработки', 'Hand-carved Himalayan salt lamp'),
    description: t(
      '整块凯沃拉粉色岩盐手工雕凿，配胡桃木底座和暖光灯泡。点亮后呈温暖的琥珀色，是很受欢迎的床头灯。',
      'Цельный кусок розовой соли из Кхевры, обработанный вручную, на основании из ореха, с тёплой лампочкой. Светится янтарём — любимый ночник.',
      'A single block of Khewra pink salt, shaped by hand, on a walnut base with a warm bulb. It glows amber; a favourite bedside light.',
    ),
    unit: unit.piece('3–4千克 1盏（含中国标准插头）', '3–4 кг, 1 шт. (вилка для Китая)', '3–4 kg, one lamp (China plug)'),
    price: 3800,
    weightGrams: 3900,
    stock: 14,
    origin: khewra,
    producer: { name: t('凯沃拉盐艺工坊', 'Мастерская соляных ремёсел Кхевры', 'Khewra Salt Crafts'), registrations: [] },
    fulfilment: rail(21),
    hsCode: '9405290000',
  },
];
