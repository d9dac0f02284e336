import { certify } from '../certificates.js';
import { bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('EG');

const siwa = t('锡瓦绿洲', 'Оазис Сива', 'Siwa Oasis');
const newValley = t('新河谷省', 'провинция Нью-Вэлли', 'New Valley Governorate');
const aswan = t('阿斯旺', 'Асуан', 'Aswan');
const assiut = t('艾斯尤特', 'Асьют', 'Assiut');
const cairo = t('开罗', 'Каир', 'Cairo');
const sinai = t('北西奈', 'Северный Синай', 'North Sinai');
const mahalla = t('迈哈莱库布拉', 'Эль-Махалла-эль-Кубра', 'El Mahalla El Kubra');

const siwaPalms: SeedProducer = {
  name: t('锡瓦棕榈园', 'Пальмовые сады Сивы', 'Siwa Palm Groves'),
  registrations: [c.gacc('0804', '2022-11-21', 52)],
};
const valleyDates: SeedProducer = {
  name: t('新河谷椰枣农场', 'Финиковая ферма Нью-Вэлли', 'New Valley Date Farm'),
  registrations: [c.gacc('0804', '2023-09-12', 118)],
};
const nubianHerbs: SeedProducer = {
  name: t('努比亚草本公司', 'Нубийские травы', 'Nubian Herb Company'),
  registrations: [c.gacc('1211', '2022-05-30', 39)],
};
const upperEgyptSpices: SeedProducer = {
  name: t('上埃及香料公司', 'Пряности Верхнего Египта', 'Upper Egypt Spice Co.'),
  registrations: [c.gacc('0909', '2023-02-14', 72)],
};
const sinaiOlives: SeedProducer = {
  name: t('西奈橄榄油坊', 'Синайская маслобойня', 'Sinai Olive Press'),
  registrations: [c.gacc('1509', '2023-12-05', 11)],
};
const cairoHalawa: SeedProducer = {
  name: t('开罗老城芝麻糖坊', 'Каирская мастерская халвы', 'Old Cairo Halawa Makers'),
  registrations: [c.gacc('1704', '2024-05-08', 24)],
};

export const EG_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'EG-FRT-001',
    category: 'fruit',
    title: t('锡瓦绿洲椰枣', 'Финики из оазиса Сива', 'Siwa Oasis dates'),
    description: t(
      '锡瓦绿洲在撒哈拉沙漠深处，靠泉水灌溉的椰枣林已有上千年。这种半干型椰枣肉质紧实，甜中带焦糖香，适合配咖啡或红茶。',
      'Сива — оазис в глубине Сахары, где финиковые рощи поят родники уже тысячу лет. Полусухие финики плотные, сладкие, с карамельной ноткой — к кофе и чёрному чаю.',
      'Siwa lies deep in the Sahara, where spring-fed date groves have grown for a thousand years. These semi-dry dates are firm and sweet with a caramel note; serve them with coffee or black tea.',
    ),
    unit: unit.box(1000),
    price: 160,
    weightGrams: 1080,
    stock: 120,
    origin: siwa,
    producer: siwaPalms,
    certificates: [c.halal(5101, '2028-06-30'), c.organic('212', '2027-11-30')],
    fulfilment: bonded(3),
    hsCode: '0804100000',
  },
  {
    sku: 'EG-FRT-002',
    category: 'fruit',
    title: t('美德乔大椰枣礼盒', 'Финики меджул, подарочная коробка', 'Medjool dates gift box'),
    description: t(
      '个头大、果肉厚、口感软糯如太妃糖的美德乔椰枣，来自新河谷省的沙漠农场。逐颗挑选装盒，是斋月和节日送礼的佳品。',
      'Крупные мясистые меджул, мягкие, как ириска, с пустынных ферм Нью-Вэлли. Отобраны вручную по одному — подарок к Рамадану и праздникам.',
      'Large, fleshy Medjool dates, soft as toffee, from desert farms in the New Valley. Hand-selected one by one: a gift for Ramadan and holidays.',
    ),
    unit: unit.giftBox(500),
    price: 380,
    weightGrams: 620,
    stock: 45,
    origin: newValley,
    producer: valleyDates,
    certificates: [c.halal(5120, '2028-08-31')],
    fulfilment: bonded(3),
    hsCode: '0804100000',
  },
  {
    sku: 'EG-TEA-001',
    category: 'tea',
    title: t('阿斯旺洛神花（卡卡德）', 'Каркаде из Асуана', 'Aswan hibiscus (karkadeh)'),
    description: t(
      '阿斯旺的洛神花萼片完整、颜色深红。热泡酸甜，像蔓越莓；埃及人夏天更爱冰镇加糖喝。',
      'Асуанский каркаде: целые тёмно-красные чашечки. Горячий — кисло-сладкий, как клюква; летом египтяне пьют его охлаждённым и с сахаром.',
      'Aswan hibiscus: whole, deep crimson calyces. Hot, it is tart-sweet like cranberry; in summer Egyptians drink it iced and sweetened.',
    ),
    unit: unit.pack(250),
    price: 120,
    weightGrams: 270,
    stock: 150,
    origin: aswan,
    producer: nubianHerbs,
    fulfilment: bonded(2),
    hsCode: '1211909999',
  },
  {
    sku: 'EG-SPC-001',
    category: 'spices',
    title: t('上埃及孜然籽', 'Зира из Верхнего Египта', 'Upper Egypt cumin seed'),
    description: t(
      '埃及是世界主要的孜然产地之一。这款孜然籽粒细长、香气浓烈，干锅微微焙一下再研磨，香味更足，适合烤肉和炖豆子。',
      'Египет — один из главных производителей зиры в мире. Семена тонкие, длинные и очень ароматные; слегка обжарьте на сухой сковороде и смелите — для мяса и тушёной фасоли.',
      "Egypt is one of the world's great cumin growers. Slim, long and intensely aromatic seeds; toast them in a dry pan and grind for grilled meat and stewed beans.",
    ),
    unit: unit.pack(200),
    price: 95,
    weightGrams: 210,
    stock: 90,
    origin: assiut,
    producer: upperEgyptSpices,
    certificates: [c.halal(5140, '2028-02-29')],
    fulfilment: rail(21),
    hsCode: '0909310000',
  },
  {
    sku: 'EG-SPC-002',
    category: 'spices',
    title: t('杜卡坚果香料碎', 'Дукка, ореховая смесь специй', 'Dukkah nut and spice blend'),
    description: t(
      '埃及家常的蘸料：烤榛子、芝麻、香菜籽和孜然一起捣碎。面包先蘸橄榄油再蘸杜卡，也可以撒在沙拉、鸡蛋和烤蔬菜上。',
      'Домашняя египетская смесь: обжаренный фундук, кунжут, кориандр и зира, растолчённые вместе. Макайте хлеб в оливковое масло, потом в дукку; посыпайте салаты, яйца и овощи.',
      'The Egyptian home blend: roasted hazelnuts, sesame, coriander and cumin pounded together. Dip bread in olive oil, then in dukkah; sprinkle over salads, eggs and roast vegetables.',
    ),
    unit: unit.jar(150),
    price: 110,
    weightGrams: 330,
    stock: 0,
    origin: cairo,
    producer: upperEgyptSpices,
    certificates: [c.halal(5141, '2028-02-29')],
    fulfilment: bonded(3),
    hsCode: '2008199000',
  },
  {
    sku: 'EG-OIL-001',
    category: 'oils',
    title: t('西奈特级初榨橄榄油', 'Оливковое масло Extra Virgin из Синая', 'Sinai extra virgin olive oil'),
    description: t(
      '北西奈沙地上的橄榄树耐旱少病，果实当天采收当天冷榨。油色绿金，有青草和杏仁的香气，尾韵微辣。',
      'Оливы на песках Северного Синая засухоустойчивы и почти не болеют; плоды отжимают холодным способом в день сбора. Зелёно-золотое масло с ароматом травы и миндаля и лёгкой остротой в конце.',
      'Olive trees on the sands of North Sinai shrug off drought and disease; the fruit is cold-pressed the day it is picked. Green-gold, smelling of cut grass and almond, with a peppery finish.',
    ),
    unit: unit.bottle(750),
    price: 650,
    weightGrams: 1250,
    stock: 34,
    origin: sinai,
    producer: sinaiOlives,
    fulfilment: rail(20),
    hsCode: '1509200000',
  },
  {
    sku: 'EG-SWT-001',
    category: 'sweets',
    title: t('埃及芝麻酱糖（哈拉瓦）', 'Египетская кунжутная халва', 'Egyptian sesame halawa'),
    description: t(
      '用芝麻酱和糖熬制，再拉成细丝状的片层，入口即化。埃及人早餐常配面包一起吃，这款加了整粒开心果。',
      'Из тахини и сахара, вытянутая в тонкие волокна и слои — тает во рту. В Египте её едят на завтрак с хлебом; в этой — целые фисташки.',
      'Made from tahini and sugar and pulled into fine flaky strands that melt on the tongue. Egyptians eat it with bread for breakfast; this one has whole pistachios.',
    ),
    unit: unit.box(500),
    price: 120,
    weightGrams: 540,
    stock: 76,
    origin: cairo,
    producer: cairoHalawa,
    certificates: [c.halal(5160, '2028-10-31')],
    fulfilment: bonded(3),
    hsCode: '1704900000',
  },
  {
    sku: 'EG-CRF-001',
    category: 'crafts',
    title: t('埃及长绒棉手织毛巾（两条装）', 'Полотенца из египетского хлопка, ручное ткачество', 'Hand-woven Egyptian cotton towels'),
    description: t(
      '用尼罗河三角洲的吉萨长绒棉，在迈哈莱的老织机上手工织成，越洗越柔软、吸水快。',
      'Длинноволокнистый хлопок Гиза из дельты Нила, вытканный вручную на старых станках Махаллы: с каждой стиркой мягче, впитывает мгновенно.',
      'Long-staple Giza cotton from the Nile delta, woven by hand on the old looms of Mahalla: softer with every wash and quick to absorb.',
    ),
    unit: unit.piece('50×90厘米 2条', '50×90 см, 2 шт.', '50 × 90 cm, set of two'),
    price: 750,
    weightGrams: 700,
    stock: 19,
    origin: mahalla,
    producer: { name: t('迈哈莱手织坊', 'Ткацкая мастерская Махаллы', 'Mahalla Handloom Workshop'), registrations: [] },
    fulfilment: rail(21),
    hsCode: '6302910000',
  },
];
