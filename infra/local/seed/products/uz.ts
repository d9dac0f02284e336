import { certify } from '../certificates.js';
import { bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('UZ');

const samarkand = t('撒马尔罕州', 'Самаркандская область', 'Samarkand Region');
const fergana = t('费尔干纳州', 'Ферганская область', 'Fergana Region');
const khorezm = t('花拉子模州', 'Хорезмская область', 'Khorezm Region');
const tashkent = t('塔什干', 'Ташкент', 'Tashkent');
const bukhara = t('布哈拉', 'Бухара', 'Bukhara');
const rishtan = t('费尔干纳州里什坦', 'Риштан, Ферганская область', 'Rishtan, Fergana Region');

const zarafshanDried: SeedProducer = {
  name: t('泽拉夫尚干果公司', 'Зарафшанские сухофрукты', 'Zarafshan Dried Fruit Co.'),
  registrations: [c.gacc('0806', '2022-08-09', 240)],
};
const ferganaOrchards: SeedProducer = {
  name: t('费尔干纳谷地果农联合会', 'Союз садоводов Ферганской долины', 'Fergana Valley Growers Union'),
  registrations: [c.gacc('0813', '2023-01-16', 87)],
};
const khorezmMelons: SeedProducer = {
  name: t('希瓦瓜园', 'Хивинские бахчи', 'Khiva Melon Fields'),
  registrations: [c.gacc('0813', '2023-09-25', 5)],
};
const chorsuSpices: SeedProducer = {
  name: t('乔尔苏香料行', 'Пряности Чорсу', 'Chorsu Spice Traders'),
  registrations: [c.gacc('0910', '2022-10-31', 66)],
};
const navatHouse: SeedProducer = {
  name: t('撒马尔罕冰糖坊', 'Самаркандский дом наваты', 'Samarkand Navat House'),
  registrations: [c.gacc('1701', '2024-04-02', 14)],
};

export const UZ_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'UZ-FRT-001',
    category: 'fruit',
    title: t('撒马尔罕金葡萄干', 'Изюм золотистый из Самарканда', 'Samarkand golden raisins'),
    description: t(
      '用无核白葡萄在阴凉通风处慢慢晾干，颗粒饱满、金黄透亮，酸甜平衡。抓饭里少不了它，也适合烘焙和直接吃。',
      'Кишмиш без косточек медленно сушат в тени и на ветру: крупный, прозрачно-золотой, кисло-сладкий. Без него не бывает плова; хорош в выпечке и просто так.',
      'Seedless grapes dried slowly in shade and breeze: plump, translucent gold and balanced between sweet and tart. Essential in plov, good in baking or by the handful.',
    ),
    unit: unit.pack(500),
    price: 45000,
    weightGrams: 520,
    stock: 210,
    origin: samarkand,
    producer: zarafshanDried,
    certificates: [c.halal(3101, '2028-05-31')],
    fulfilment: bonded(3),
    hsCode: '0806200000',
  },
  {
    sku: 'UZ-FRT-002',
    category: 'fruit',
    title: t('费尔干纳杏干', 'Курага из Ферганы', 'Fergana dried apricots'),
    description: t(
      '费尔干纳谷地的大杏子对半切开晒干，果肉厚、色泽橙亮，酸甜多汁。泡水后可做糖水，也能加到抓饭和沙拉中。',
      'Крупные абрикосы Ферганской долины, разрезанные пополам и высушенные на солнце: мясистые, ярко-оранжевые, сочные. Для компота, плова и салатов.',
      'Large apricots of the Fergana valley, halved and sun-dried: fleshy, bright orange and juicy. Soak them for compote or add to plov and salads.',
    ),
    unit: unit.pack(500),
    price: 55000,
    weightGrams: 520,
    stock: 160,
    origin: fergana,
    producer: ferganaOrchards,
    certificates: [c.halal(3102, '2028-05-31')],
    fulfilment: bonded(3),
    hsCode: '0813100000',
  },
  {
    sku: 'UZ-FRT-003',
    category: 'fruit',
    title: t('花拉子模蜜瓜干', 'Дыня сушёная, косичка', 'Braided dried melon'),
    description: t(
      '花拉子模的古利亚比甜瓜切成长条，在烈日下晒干后编成辫子。质地柔韧、像蜜一样甜，是中亚巴扎上最受欢迎的干果之一。',
      'Хорезмскую дыню гуляби режут длинными полосками, сушат на жарком солнце и заплетают в косички. Тягучая, медово-сладкая — одна из любимиц среднеазиатских базаров.',
      'Gulyabi melon from Khorezm, cut into long strips, dried in the fierce sun and braided. Chewy and honey-sweet, one of the best-loved treats of Central Asian bazaars.',
    ),
    unit: unit.pack(300),
    price: 38000,
    weightGrams: 320,
    stock: 55,
    origin: khorezm,
    producer: khorezmMelons,
    certificates: [c.halal(3105, '2028-07-31')],
    fulfilment: rail(14),
    hsCode: '0813409000',
  },
  {
    sku: 'UZ-SPC-001',
    category: 'spices',
    title: t('乌兹别克抓饭香料', 'Приправа для плова', 'Uzbek plov spice blend'),
    description: t(
      '塔什干乔尔苏巴扎的配方：整粒孜然、红伏牛花果、香菜籽、干辣椒和姜黄。一公斤米用两大勺，焖出的抓饭香气扑鼻。',
      'Рецепт с ташкентского базара Чорсу: целый зира, барбарис, кориандр, сушёный перец и куркума. Две столовые ложки на килограмм риса — и плов пахнет как надо.',
      "A recipe from Tashkent's Chorsu bazaar: whole cumin, barberries, coriander seed, dried chilli and turmeric. Two tablespoons per kilo of rice and your plov smells right.",
    ),
    unit: unit.pack(200),
    price: 28000,
    weightGrams: 210,
    stock: 140,
    origin: tashkent,
    producer: chorsuSpices,
    certificates: [c.halal(3120, '2028-08-31')],
    fulfilment: bonded(2),
    hsCode: '0910910000',
  },
  {
    sku: 'UZ-SPC-002',
    category: 'spices',
    title: t('干伏牛花果（兹尔克）', 'Барбарис сушёный (зирк)', 'Dried barberries (zirk)'),
    description: t(
      '野生伏牛花的小红果，酸味鲜明，是抓饭和烤肉腌料里的点睛之笔，也可以泡水代茶。',
      'Маленькие красные ягоды дикого барбариса с яркой кислинкой — главная нотка плова и маринада для шашлыка; можно заваривать как чай.',
      'Small red berries of wild barberry with a bright sourness: the finishing note of plov and kebab marinades, or steep them like tea.',
    ),
    unit: unit.pack(150),
    price: 32000,
    weightGrams: 160,
    stock: 3,
    origin: samarkand,
    producer: chorsuSpices,
    fulfilment: rail(12),
    hsCode: '0813409000',
  },
  {
    sku: 'UZ-SWT-001',
    category: 'sweets',
    title: t('撒马尔罕纳瓦特冰糖', 'Нават самаркандский', 'Samarkand navat rock sugar'),
    description: t(
      '葡萄汁和糖浆在细线上慢慢结晶两周，形成琥珀色的冰糖簇。中亚人喝茶时含一小块，也常用来缓解嗓子不适。',
      'Сироп с виноградным соком две недели кристаллизуется на нитях в янтарные друзы. В Средней Азии кусочек наваты держат во рту за чаем и дают при больном горле.',
      'Syrup with grape juice crystallises on threads for two weeks into amber clusters. In Central Asia a piece goes with every cup of tea, and soothes a sore throat.',
    ),
    unit: unit.box(400),
    price: 30000,
    weightGrams: 450,
    stock: 88,
    origin: samarkand,
    producer: navatHouse,
    certificates: [c.halal(3140, '2028-09-30')],
    fulfilment: rail(13),
    hsCode: '1704900000',
  },
  {
    sku: 'UZ-CRF-001',
    category: 'crafts',
    title: t('布哈拉手工苏扎尼刺绣靠垫套', 'Наволочка сюзане ручной вышивки', 'Hand-embroidered suzani cushion cover'),
    description: t(
      '布哈拉的绣娘在手织棉布上用丝线绣出石榴与太阳花纹，一件要绣三周。天然植物染色，背面配隐形拉链。',
      'Бухарские вышивальщицы три недели вышивают шёлком гранаты и солнечные розетки на домотканом хлопке. Натуральные красители, скрытая молния на обороте.',
      'Bukhara embroiderers spend three weeks stitching pomegranates and sun rosettes in silk on handwoven cotton. Natural dyes, concealed zip at the back.',
    ),
    unit: unit.piece('45×45厘米 1件', '45×45 см, 1 шт.', '45 × 45 cm, one piece'),
    price: 650000,
    weightGrams: 300,
    stock: 6,
    origin: bukhara,
    producer: { name: t('布哈拉绣坊', 'Бухарская вышивальная мастерская', 'Bukhara Embroidery Studio'), registrations: [] },
    fulfilment: rail(18),
    hsCode: '6304920000',
  },
  {
    sku: 'UZ-CRF-002',
    category: 'crafts',
    title: t('里什坦蓝釉陶盘', 'Риштанское керамическое блюдо', 'Rishtan blue-glaze ceramic plate'),
    description: t(
      '里什坦陶艺已有八百年历史。匠人用当地红土拉坯，手绘石榴和杏仁纹，再施以植物灰制成的碱性蓝釉。可以挂墙，也可以盛放水果。',
      'Риштанской керамике восемьсот лет. Мастер формует блюдо из местной красной глины, расписывает гранатами и миндалём и покрывает щелочной глазурью ишкор на растительной золе. На стену или под фрукты.',
      'Rishtan pottery goes back eight centuries. The potter throws local red clay, paints pomegranates and almonds by hand and glazes it with ishkor, an alkaline glaze made from plant ash. Hang it or serve fruit on it.',
    ),
    unit: unit.piece('直径28厘米 1只', 'диаметр 28 см, 1 шт.', '28 cm diameter, one piece'),
    price: 420000,
    weightGrams: 1100,
    stock: 11,
    origin: rishtan,
    producer: { name: t('里什坦陶艺世家', 'Риштанская гончарная династия', 'Rishtan Potters Family'), registrations: [] },
    fulfilment: rail(19),
    hsCode: '6912001000',
  },
];
