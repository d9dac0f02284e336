import { certify } from '../certificates.js';
import { air, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('AF');

const paktia = t('帕克蒂亚省', 'провинция Пактия', 'Paktia Province');
const herat = t('赫拉特省', 'провинция Герат', 'Herat Province');
const kandahar = t('坎大哈省', 'провинция Кандагар', 'Kandahar Province');

const hinduKushNuts: SeedProducer = {
  name: t('兴都库什松子合作社', 'Кооператив «Гиндукуш»', 'Hindu Kush Pine Nut Cooperative'),
  registrations: [c.gacc('0802', '2023-02-20', 58)],
};
const heratSaffron: SeedProducer = {
  name: t('赫拉特妇女藏红花合作社', 'Гератский женский шафрановый кооператив', "Herat Women's Saffron Cooperative"),
  registrations: [c.gacc('0910', '2022-12-05', 23)],
};
const kandaharVines: SeedProducer = {
  name: t('坎大哈葡萄晾房', 'Кандагарские сушильни', 'Kandahar Drying Houses'),
  registrations: [c.gacc('0806', '2023-09-18', 41)],
};

export const AF_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'AF-FRT-001',
    category: 'fruit',
    title: t('阿富汗带壳松子', 'Афганские кедровые орехи в скорлупе', 'Afghan pine nuts in shell'),
    description: t(
      '兴都库什山区野生松林里手工采集的长粒松子，经"松子空中走廊"运往中国。轻轻烘烤后开口，果仁油润，带淡淡的树脂香。',
      'Длинные орехи, собранные вручную в диких сосновых лесах Гиндукуша и доставляемые в Китай по «воздушному коридору». Слегка обжарены, раскрываются легко; ядро маслянистое, с лёгкой смолистой ноткой.',
      'Long pine nuts gathered by hand in the wild pine forests of the Hindu Kush and flown to China on the pine-nut air corridor. Lightly roasted so they open easily; rich kernels with a faint resinous note.',
    ),
    unit: unit.pack(500),
    price: 1450,
    weightGrams: 520,
    stock: 40,
    origin: paktia,
    producer: hinduKushNuts,
    fulfilment: air(7),
    hsCode: '0802910000',
  },
  {
    sku: 'AF-SPC-001',
    category: 'spices',
    title: t('赫拉特藏红花', 'Гератский шафран', 'Herat saffron'),
    description: t(
      '赫拉特的妇女合作社在深秋清晨采摘番红花，当天手工分离柱头并低温干燥。色泽深红、香气甜润，适合做饭、甜点和花草茶。',
      'Женщины гератского кооператива собирают крокусы поздней осенью на рассвете, в тот же день вручную отделяют рыльца и бережно сушат. Тёмно-красный, со сладким ароматом — для риса, десертов и чая.',
      "Women of a Herat cooperative pick the crocuses at dawn in late autumn, separate the stigmas by hand the same day and dry them gently. Deep red and sweetly fragrant; for rice, desserts and tea.",
    ),
    unit: unit.piece('2克 玻璃瓶', 'флакон 2 г', '2 g glass vial'),
    price: 690,
    weightGrams: 40,
    stock: 30,
    origin: herat,
    producer: heratSaffron,
    certificates: [c.halal(1101, '2028-01-31')],
    fulfilment: air(8),
    hsCode: '0910200000',
  },
  {
    sku: 'AF-FRT-002',
    category: 'fruit',
    title: t('坎大哈绿葡萄干', 'Зелёный изюм из Кандагара', 'Kandahar green raisins'),
    description: t(
      '在泥砖砌成、四壁通风的晾房里阴干，所以保留了翠绿的颜色。颗粒细长，酸甜清新，是阿富汗待客的传统干果。',
      'Сушится в тени в глинобитных сушильнях с продуваемыми стенами, поэтому остаётся зелёным. Длинные ягоды, свежий кисло-сладкий вкус — традиционное угощение для гостей.',
      'Dried in the shade of airy mud-brick drying houses, which keeps them green. Long berries with a fresh sweet-tart taste: the traditional Afghan welcome for guests.',
    ),
    unit: unit.pack(500),
    price: 380,
    weightGrams: 520,
    stock: 65,
    origin: kandahar,
    producer: kandaharVines,
    certificates: [c.halal(1102, '2028-01-31')],
    fulfilment: rail(21),
    hsCode: '0806200000',
  },
];
