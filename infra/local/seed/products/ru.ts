import { certify } from '../certificates.js';
import { bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('RU');

const altai = t('阿尔泰共和国', 'Республика Алтай', 'Altai Republic');
const bashkortostan = t('巴什科尔托斯坦共和国', 'Республика Башкортостан', 'Republic of Bashkortostan');
const tomsk = t('托木斯克州', 'Томская область', 'Tomsk Region');
const tula = t('图拉州别廖夫', 'Белёв, Тульская область', 'Belyov, Tula Region');
const karelia = t('卡累利阿共和国', 'Республика Карелия', 'Republic of Karelia');
const moscow = t('莫斯科州', 'Московская область', 'Moscow Region');
const nizhny = t('下诺夫哥罗德州谢苗诺夫', 'Семёнов, Нижегородская область', 'Semyonov, Nizhny Novgorod Region');
const altaiKrai = t('阿尔泰边疆区', 'Алтайский край', 'Altai Krai');

const katunApiary: SeedProducer = {
  name: t('卡吞河蜂场', 'Пасека «Катунь»', 'Katun River Apiary'),
  registrations: [c.gacc('0409', '2022-07-12', 204)],
};
const uralBees: SeedProducer = {
  name: t('乌拉尔椴树蜂业', 'Уральская липовая пасека', 'Ural Linden Beekeepers'),
  registrations: [c.gacc('0409', '2023-03-28', 377)],
};
const northernBirch: SeedProducer = {
  name: t('北方白桦糖果厂', 'Кондитерская фабрика «Северная берёза»', 'Northern Birch Confectionery'),
  registrations: [c.gacc('1806', '2022-11-02', 58)],
};
const belyovPastila: SeedProducer = {
  name: t('别廖夫苹果软糕作坊', 'Белёвская пастильная мастерская', 'Belyov Pastila Workshop'),
  registrations: [c.gacc('2007', '2023-06-19', 12)],
};
const altaiMill: SeedProducer = {
  name: t('比斯克河谷磨坊', 'Мельница «Бийская долина»', 'Biya Valley Mill'),
  registrations: [c.gacc('1008', '2022-05-05', 91)],
};
const taigaHarvest: SeedProducer = {
  name: t('泰加林采集公司', 'Таёжный урожай', 'Taiga Harvest'),
  registrations: [c.gacc('0802', '2023-09-07', 140)],
};
const kareliaTea: SeedProducer = {
  name: t('奥涅加柳兰茶坊', 'Онежская чайная артель', 'Onega Tea Artel'),
  registrations: [c.gacc('1211', '2024-01-23', 33)],
};
const dairyMoscow: SeedProducer = {
  name: t('奥卡河乳品厂', 'Молочный комбинат «Ока»', 'Oka Dairy Works'),
  registrations: [c.gacc('0402', '2022-10-10', 77)],
};

export const RU_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'RU-HNY-001',
    category: 'honey',
    title: t('阿尔泰山花蜜', 'Алтайский горный мёд', 'Altai mountain honey'),
    description: t(
      '采自阿尔泰山海拔1200米以上的高山草甸，有红景天、百里香和野牛至的花香。蜜色深琥珀，香气浓郁，冬天冲一杯温蜂蜜水最合适。',
      'С высокогорных лугов Алтая выше 1200 м: родиола, чабрец, душица. Тёмно-янтарный, густой и ароматный — зимой лучше всего в тёплой воде.',
      'From Altai meadows above 1,200 m, with golden root, thyme and wild oregano in bloom. Dark amber, thick and aromatic; in winter, stir a spoonful into warm water.',
    ),
    unit: unit.jar(500),
    price: 690,
    weightGrams: 720,
    stock: 96,
    origin: altai,
    producer: katunApiary,
    certificates: [c.eac(51890, '2028-05-20'), c.organic('033', '2027-10-31')],
    fulfilment: bonded(3),
    hsCode: '0409000000',
  },
  {
    sku: 'RU-HNY-002',
    category: 'honey',
    title: t('巴什基尔椴树蜜', 'Башкирский липовый мёд', 'Bashkir linden honey'),
    description: t(
      '乌拉尔山西麓的椴树林出产的蜂蜜，几乎透明的浅黄色，清甜带薄荷般的凉意。结晶后变成雪白细腻的蜜霜。',
      'Мёд из липовых лесов западного склона Урала: почти прозрачный, светло-жёлтый, с освежающей мятной ноткой. После кристаллизации становится белоснежным и нежным.',
      'Honey from the linden forests on the western slopes of the Urals: nearly clear and pale yellow, sweet with a cool, minty note. It sets into a snow-white, velvety cream.',
    ),
    unit: unit.jar(1000),
    price: 1150,
    weightGrams: 1380,
    stock: 52,
    origin: bashkortostan,
    producer: uralBees,
    certificates: [
      c.eac(51904, '2028-05-20'),
      c.gi('НМПТ «Башкирский мёд»', 'Rospatent, appellation of origin register', '2029-12-31'),
      c.halal(1207, '2028-03-31'),
    ],
    fulfilment: rail(14),
    hsCode: '0409000000',
  },
  {
    sku: 'RU-SWT-001',
    category: 'sweets',
    title: t('经典俄式牛奶巧克力', 'Молочный шоколад «Северная берёза»', 'Classic Russian milk chocolate'),
    description: t(
      '按照苏联国家标准的配方，用全脂奶粉和可可脂制作，奶味浓、质地顺滑，不含植物油。五块装，适合分享或送礼。',
      'По рецептуре советского ГОСТа: цельное сухое молоко и какао-масло, без растительных жиров. Очень сливочный и нежный; пять плиток — поделиться или подарить.',
      'Made to the Soviet GOST recipe with whole milk powder and cocoa butter, no vegetable fats. Creamy and smooth; a pack of five bars to share or give.',
    ),
    unit: unit.piece('5板×90克', '5 плиток по 90 г', '5 bars × 90 g'),
    price: 620,
    weightGrams: 480,
    stock: 180,
    origin: moscow,
    producer: northernBirch,
    certificates: [c.eac(52117, '2028-09-01')],
    fulfilment: bonded(2),
    hsCode: '1806320000',
  },
  {
    sku: 'RU-SWT-002',
    category: 'sweets',
    title: t('别廖夫苹果软糕', 'Белёвская яблочная пастила', 'Belyov apple pastila'),
    description: t(
      '十九世纪流传下来的图拉甜点：安东诺夫卡酸苹果烤熟打发，与蛋白一起在炉中慢慢烘干，层层叠起。轻盈酥软，酸甜清新，配茶最佳。',
      'Тульское лакомство XIX века: печёную антоновку взбивают с белком, медленно сушат в печи и складывают слоями. Лёгкая, нежная, кисло-сладкая — к чаю.',
      'A Tula treat from the 19th century: baked Antonovka apples whipped with egg white, slowly dried in the oven and stacked in layers. Airy, tender and tart-sweet: made for tea.',
    ),
    unit: unit.box(250),
    price: 450,
    weightGrams: 300,
    stock: 44,
    origin: tula,
    producer: belyovPastila,
    certificates: [c.eac(52231, '2028-10-15'), c.gi('НМПТ «Белёвская пастила»', 'Rospatent, appellation of origin register', '2029-06-30')],
    fulfilment: rail(15),
    hsCode: '1704900000',
  },
  {
    sku: 'RU-GRN-001',
    category: 'grains',
    title: t('阿尔泰荞麦米', 'Гречка ядрица алтайская', 'Altai buckwheat groats'),
    description: t(
      '阿尔泰边疆区的荞麦，整粒烘烤，颗粒饱满。煮后松散不粘，带坚果香，可做主食、配菜，或加牛奶和黄油当早餐。',
      'Гречка ядрица с Алтая: цельное обжаренное зерно первого сорта. Разваривается рассыпчатой, с ореховым вкусом; гарнир, каша с молоком и маслом.',
      'Whole roasted buckwheat kernels from Altai Krai, top grade. Cooks fluffy and nutty; serve as a side, or with milk and butter for breakfast.',
    ),
    unit: unit.pack(900),
    price: 159,
    weightGrams: 910,
    stock: 260,
    origin: altaiKrai,
    producer: altaiMill,
    certificates: [c.eac(52310, '2029-02-01')],
    fulfilment: rail(12),
    hsCode: '1008100000',
  },
  {
    sku: 'RU-FRT-001',
    category: 'fruit',
    title: t('西伯利亚松子仁', 'Кедровый орех очищенный', 'Siberian pine nut kernels'),
    description: t(
      '托木斯克原始泰加林的西伯利亚红松松子，手工去壳，不经烘烤。颗粒小而饱满，奶油般香甜，可直接吃，也可撒在沙拉和粥上。',
      'Орехи сибирского кедра из томской тайги, очищенные без обжарки. Мелкие, маслянистые, сливочно-сладкие: прямо так, в салат или кашу.',
      'Nuts of the Siberian stone pine from the Tomsk taiga, shelled and unroasted. Small, rich and creamy-sweet: eat them as they are or scatter over salads and porridge.',
    ),
    unit: unit.pack(250),
    price: 690,
    weightGrams: 260,
    stock: 73,
    origin: tomsk,
    producer: taigaHarvest,
    certificates: [c.eac(52398, '2028-11-30')],
    fulfilment: bonded(4),
    hsCode: '0802920000',
  },
  {
    sku: 'RU-OIL-001',
    category: 'oils',
    title: t('冷榨松子油', 'Кедровое масло холодного отжима', 'Cold-pressed pine nut oil'),
    description: t(
      '用西伯利亚松子仁在木质压榨机中冷榨，色泽金黄，带淡淡松子香。适合凉拌或每天早晨空腹一小勺，不宜高温烹炒。',
      'Отжато из ядер кедрового ореха на деревянном прессе без нагрева: золотистое, с мягким ореховым ароматом. Для салатов или по ложке натощак; не для жарки.',
      'Pressed from Siberian pine nut kernels on a wooden press without heat: golden and gently nutty. Use it in dressings or take a spoonful in the morning; not for frying.',
    ),
    unit: unit.bottle(250),
    price: 1090,
    weightGrams: 520,
    stock: 18,
    origin: tomsk,
    producer: taigaHarvest,
    certificates: [c.eac(52402, '2028-11-30')],
    fulfilment: rail(14),
    hsCode: '1515909000',
  },
  {
    sku: 'RU-TEA-001',
    category: 'tea',
    title: t('卡累利阿伊万茶（发酵柳兰茶）', 'Иван-чай ферментированный', 'Ivan-chai, fermented fireweed tea'),
    description: t(
      '俄罗斯传统的柳兰叶茶，手工揉捻后发酵烘干。不含咖啡因，汤色琥珀，带蜂蜜和干果的香气，晚上喝也不影响睡眠。',
      'Традиционный русский чай из листьев кипрея: листья скручивают вручную, ферментируют и сушат. Без кофеина, янтарный настой с медово-фруктовым ароматом — можно пить и на ночь.',
      'The traditional Russian tea of fireweed leaves, hand-rolled, fermented and dried. Caffeine-free, with an amber cup that smells of honey and dried fruit; fine before bed.',
    ),
    unit: unit.pack(100),
    price: 390,
    weightGrams: 120,
    stock: 110,
    origin: karelia,
    producer: kareliaTea,
    certificates: [c.eac(52455, '2029-01-31')],
    fulfilment: bonded(3),
    hsCode: '1211909999',
  },
  {
    sku: 'RU-DRY-001',
    category: 'dairy',
    title: t('全脂甜炼乳（国标配方）', 'Сгущённое молоко цельное с сахаром, ГОСТ', 'Sweetened condensed milk, GOST recipe'),
    description: t(
      '只用全脂牛奶和白糖，按国家标准熬制，奶味醇厚。抹面包、调咖啡或做蛋糕夹心；整罐隔水煮两小时就是焦糖炼乳。',
      'Только цельное молоко и сахар по ГОСТу, густая и сливочная. На хлеб, в кофе, в торт; а если проварить банку два часа — получится варёная сгущёнка.',
      'Just whole milk and sugar, made to the state standard: thick and creamy. Spread it, stir it into coffee, fill cakes; simmer the closed tin for two hours and it turns to caramel.',
    ),
    unit: unit.tin(380),
    price: 129,
    weightGrams: 430,
    stock: 320,
    origin: moscow,
    producer: dairyMoscow,
    certificates: [c.eac(52501, '2028-07-31')],
    fulfilment: bonded(2),
    hsCode: '0402990000',
  },
  {
    sku: 'RU-CRF-001',
    category: 'crafts',
    title: t('霍赫洛玛彩绘木碗', 'Деревянная чаша с хохломской росписью', 'Khokhloma painted wooden bowl'),
    description: t(
      '谢苗诺夫匠人用椴木旋制木碗，手绘红黑金三色的草叶花纹，再经烘烤上漆，呈现金色光泽。可盛放干果和糖果，不宜盛热汤。',
      'Семёновские мастера вытачивают чашу из липы, вручную расписывают травным орнаментом в красном, чёрном и золотом и закаляют лак в печи. Для орехов и конфет, не для горячего.',
      'Semyonov craftsmen turn the bowl from linden wood, hand-paint the red, black and gold leaf pattern and cure the lacquer in the oven for its golden glow. For nuts and sweets, not hot soup.',
    ),
    unit: unit.piece('直径18厘米 1只', 'диаметр 18 см, 1 шт.', '18 cm diameter, one piece'),
    price: 3200,
    weightGrams: 420,
    stock: 9,
    origin: nizhny,
    producer: { name: t('谢苗诺夫木器工坊', 'Семёновская артель росписи', 'Semyonov Painters Artel'), registrations: [] },
    fulfilment: rail(18),
    hsCode: '4419909000',
  },
];
