import { certify } from '../certificates.js';
import { air, bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('KZ');

const almaty = t('阿拉木图州', 'Алматинская область', 'Almaty Region');
const mangystau = t('曼格斯套州', 'Мангистауская область', 'Mangystau Region');
const akmola = t('阿克莫拉州', 'Акмолинская область', 'Akmola Region');
const katonKaragay = t('东哈萨克斯坦州卡通卡拉盖', 'Катон-Карагай, Восточно-Казахстанская область', 'Katon-Karagay, East Kazakhstan');
const kostanay = t('科斯塔奈州', 'Костанайская область', 'Kostanay Region');

const alatauGardens: SeedProducer = {
  name: t('阿拉套山麓果园', 'Сады предгорий Алатау', 'Alatau Foothill Gardens'),
  registrations: [c.gacc('0808', '2023-07-03', 26)],
};
const caspianCamel: SeedProducer = {
  name: t('里海骆驼牧场', 'Каспийская верблюжья ферма', 'Caspian Camel Farm'),
  registrations: [c.gacc('0402', '2022-12-01', 9)],
};
const saryarkaMeat: SeedProducer = {
  name: t('萨里阿尔卡肉制品厂', 'Мясной двор «Сарыарка»', 'Saryarka Meat House'),
  registrations: [c.gacc('1601', '2023-10-17', 44)],
};
const alatauSweets: SeedProducer = {
  name: t('阿拉套糖果厂', 'Кондитерская «Алатау»', 'Alatau Confectioners'),
  registrations: [c.gacc('1806', '2022-08-22', 103)],
};
const katonApiary: SeedProducer = {
  name: t('卡通卡拉盖山地蜂场', 'Катон-Карагайская горная пасека', 'Katon-Karagay Mountain Apiary'),
  registrations: [c.gacc('0409', '2023-04-26', 71)],
};
const steppeMill: SeedProducer = {
  name: t('托博尔草原面粉厂', 'Мукомольный комбинат «Тобол»', 'Tobol Steppe Flour Mill'),
  registrations: [c.gacc('1101', '2022-06-14', 158)],
};
const dalaTea: SeedProducer = {
  name: t('达拉茶叶包装厂', 'Чаеразвесочная фабрика «Дала»', 'Dala Tea Packers'),
  registrations: [c.gacc('0902', '2024-02-09', 18)],
};

export const KZ_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'KZ-FRT-001',
    category: 'fruit',
    title: t('阿拉木图阿波尔特大苹果', 'Алматинский апорт', 'Almaty Aport apples'),
    description: t(
      '阿拉木图的名字就来自苹果。阿波尔特是当地的老品种，个头大、红条纹，果肉脆甜多汁、香气浓。产自海拔900到1200米的山麓果园，秋季采收。',
      'Имя Алматы связано с яблоком. Апорт — старый местный сорт: крупный, полосато-румяный, хрусткий, сочный и ароматный. Растёт в предгорных садах на высоте 900–1200 м, сбор осенью.',
      "Almaty's name comes from the apple. Aport is the old local variety: large, red-striped, crisp, juicy and fragrant, grown in foothill orchards at 900 to 1,200 m and picked in autumn.",
    ),
    unit: unit.box(2000),
    price: 3900,
    weightGrams: 2300,
    stock: 35,
    origin: almaty,
    producer: alatauGardens,
    certificates: [c.gi('Алматинский апорт', 'National Institute of Intellectual Property of Kazakhstan', '2029-09-30')],
    fulfilment: air(6),
    hsCode: '0808100000',
  },
  {
    sku: 'KZ-DRY-001',
    category: 'dairy',
    title: t('冻干骆驼奶粉（舒巴特）', 'Шубат сублимированный, верблюжье молоко', 'Freeze-dried camel milk (shubat)'),
    description: t(
      '里海沿岸草场的骆驼奶经轻度发酵后冷冻干燥，是哈萨克人喜爱的舒巴特。温水冲开即饮，口感微咸微酸，比牛奶更清爽。',
      'Верблюжье молоко с прикаспийских пастбищ слегка сквашивают и сушат холодом — это любимый казахами шубат. Разведите тёплой водой: солоновато-кисловатый, легче коровьего молока.',
      'Camel milk from the Caspian pastures, lightly fermented and freeze-dried: shubat, a Kazakh favourite. Mix with warm water for a drink that is slightly salty, tangy and lighter than cow milk.',
    ),
    unit: unit.pack(200),
    price: 9900,
    weightGrams: 230,
    stock: 22,
    origin: mangystau,
    producer: caspianCamel,
    certificates: [c.halal(2201, '2028-06-30'), c.eac(61230, '2028-12-31')],
    fulfilment: rail(13),
    hsCode: '0402210000',
  },
  {
    sku: 'KZ-MEA-001',
    category: 'meat',
    title: t('哈萨克熏马肠（卡兹）', 'Казы копчёно-вяленые', 'Smoked horse-meat kazy'),
    description: t(
      '节日餐桌上的主角：马肋条肉连同脂肪灌入天然肠衣，经烟熏风干而成。切成薄片冷吃，或煮熟配面片做别什巴尔马克。',
      'Главное блюдо праздничного стола: рёберное мясо конины с жиром в натуральной оболочке, копчёное и вяленое. Нарежьте тонко и подавайте холодным или отварите к бешбармаку.',
      'The star of a festive table: rib meat of horse with its fat, packed into natural casing, smoked and air-dried. Slice thinly and serve cold, or boil it for beshbarmak.',
    ),
    unit: unit.vacuum(500),
    price: 7500,
    weightGrams: 520,
    stock: 15,
    origin: akmola,
    producer: saryarkaMeat,
    certificates: [c.halal(2240, '2027-12-31'), c.eac(61301, '2028-10-31')],
    fulfilment: bonded(4),
    hsCode: '0210990000',
  },
  {
    sku: 'KZ-SWT-001',
    category: 'sweets',
    title: t('整颗核桃夹心巧克力', 'Конфеты с цельным грецким орехом', 'Chocolates with whole walnuts'),
    description: t(
      '每颗糖里包着半颗阿拉木图核桃，外面是浓郁的黑巧克力。礼盒装，适合送人，也适合搭配哈萨克奶茶。',
      'В каждой конфете — половинка алматинского грецкого ореха в тёмном шоколаде. Подарочная коробка к праздничному дастархану и чаю с молоком.',
      'Each sweet holds half an Almaty walnut in rich dark chocolate. A gift box for the festive table or for Kazakh milk tea.',
    ),
    unit: unit.giftBox(300),
    price: 3200,
    weightGrams: 380,
    stock: 90,
    origin: almaty,
    producer: alatauSweets,
    certificates: [c.halal(2255, '2028-04-30'), c.eac(61355, '2028-11-30')],
    fulfilment: bonded(3),
    hsCode: '1806310000',
  },
  {
    sku: 'KZ-HNY-001',
    category: 'honey',
    title: t('卡通卡拉盖山地蜜', 'Катон-Карагайский горный мёд', 'Katon-Karagay mountain honey'),
    description: t(
      '来自阿尔泰山南麓国家公园的边缘，蜂群在雪松林和高山草甸之间采蜜。蜜色金黄，香气复杂，带一点草药的回甘。',
      'С окраины национального парка на южном склоне Алтая: пчёлы работают между кедровой тайгой и альпийскими лугами. Золотистый, сложный, с травяным послевкусием.',
      'From the edge of the national park on the southern Altai slopes, where the bees forage between cedar forest and alpine meadow. Golden and complex, with a herbal aftertaste.',
    ),
    unit: unit.jar(500),
    price: 4500,
    weightGrams: 720,
    stock: 48,
    origin: katonKaragay,
    producer: katonApiary,
    certificates: [c.halal(2270, '2028-02-28'), c.eac(61402, '2028-09-30')],
    fulfilment: rail(11),
    hsCode: '0409000000',
  },
  {
    sku: 'KZ-GRN-001',
    category: 'grains',
    title: t('科斯塔奈特级小麦粉', 'Мука пшеничная высшего сорта', 'Top-grade Kostanay wheat flour'),
    description: t(
      '北哈萨克斯坦草原的硬质春小麦磨制，蛋白质含量高、筋度好。做拉面、包子和馕都容易成型，蒸出来麦香十足。',
      'Смолота из твёрдой яровой пшеницы северных степей: много белка и клейковины. Тесто для лагмана, мантов и лепёшек держит форму, а выпечка пахнет хлебом.',
      'Milled from hard spring wheat of the northern steppe, high in protein and gluten. Dough for pulled noodles, dumplings and flatbread holds its shape and bakes with a real wheat aroma.',
    ),
    unit: unit.pack(2000),
    price: 1150,
    weightGrams: 2030,
    stock: 150,
    origin: kostanay,
    producer: steppeMill,
    certificates: [c.eac(61450, '2029-03-31')],
    fulfilment: rail(10),
    hsCode: '1101000000',
  },
  {
    sku: 'KZ-TEA-001',
    category: 'tea',
    title: t('哈萨克奶茶专用颗粒红茶', 'Чай чёрный гранулированный «Казахский»', 'Kazakh-style granulated black tea'),
    description: t(
      '哈萨克人一天要喝好几次奶茶，这款颗粒红茶汤色浓红、味道厚重，加牛奶后依然醇香。按当地习惯，加热奶和少许盐饮用。',
      'Казахи пьют чай с молоком несколько раз в день, и этот гранулированный чай даёт крепкий красный настой, который не теряется в молоке. Пейте по-казахски: с горячим молоком и щепоткой соли.',
      'Kazakhs drink milk tea several times a day, and this granulated tea brews a strong red cup that stands up to milk. Drink it the local way, with hot milk and a pinch of salt.',
    ),
    unit: unit.pack(250),
    price: 1600,
    weightGrams: 270,
    stock: 130,
    origin: almaty,
    producer: dalaTea,
    fulfilment: bonded(3),
    hsCode: '0902309000',
  },
];
