import { certify } from '../certificates.js';
import { bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('TR');

const gaziantep = t('加济安泰普', 'Газиантеп', 'Gaziantep');
const afyon = t('阿菲永卡拉希萨尔', 'Афьонкарахисар', 'Afyonkarahisar');
const malatya = t('马拉蒂亚', 'Малатья', 'Malatya');
const giresun = t('吉雷松', 'Гиресун', 'Giresun');
const rize = t('里泽', 'Ризе', 'Rize');
const ayvalik = t('巴勒克埃西尔艾瓦勒克', 'Айвалык, Балыкесир', 'Ayvalık, Balıkesir');
const kutahya = t('屈塔希亚', 'Кютахья', 'Kütahya');

const antepBaklava: SeedProducer = {
  name: t('安泰普老城甜点坊', 'Кондитерская старого Антепа', 'Old Antep Pastry House'),
  registrations: [c.gacc('1905', '2023-11-06', 61)],
};
const afyonLokum: SeedProducer = {
  name: t('阿菲永软糖厂', 'Афьонская лукумная', 'Afyon Lokum Kitchen'),
  registrations: [c.gacc('1704', '2022-07-25', 83)],
};
const malatyaApricot: SeedProducer = {
  name: t('马拉蒂亚杏农合作社', 'Кооператив абрикосоводов Малатьи', 'Malatya Apricot Growers'),
  registrations: [c.gacc('0813', '2022-09-19', 402)],
};
const blackSeaNuts: SeedProducer = {
  name: t('黑海榛子公司', 'Черноморский фундук', 'Black Sea Hazelnut Co.'),
  registrations: [c.gacc('0802', '2023-03-13', 219)],
};
const rizeTea: SeedProducer = {
  name: t('卡奇卡尔山茶园', 'Чайные плантации Качкар', 'Kaçkar Tea Gardens'),
  registrations: [c.gacc('0902', '2022-05-16', 48)],
};
const aegeanOlive: SeedProducer = {
  name: t('爱琴海橄榄油坊', 'Эгейская маслодельня', 'Aegean Olive Mill'),
  registrations: [c.gacc('1509', '2023-10-02', 37)],
};

export const TR_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'TR-SWT-001',
    category: 'sweets',
    title: t('安泰普开心果果仁蜜饼', 'Пахлава с антепской фисташкой', 'Antep pistachio baklava'),
    description: t(
      '四十层手擀薄酥皮，夹满加济安泰普的翠绿开心果，刷黄油烘烤后淋糖浆。外层酥脆、内里湿润，室温保存两周。',
      'Сорок слоёв тонкого теста, раскатанного вручную, много ярко-зелёной антепской фисташки, сливочное масло и сироп. Хрустящая сверху и сочная внутри; хранится две недели при комнатной температуре.',
      'Forty hand-rolled layers of thin pastry, packed with bright green Gaziantep pistachios, baked with butter and soaked in syrup. Crisp on top, moist within; keeps two weeks at room temperature.',
    ),
    unit: unit.tin(1000),
    price: 1650,
    weightGrams: 1250,
    stock: 3,
    origin: gaziantep,
    producer: antepBaklava,
    certificates: [
      c.gi('Antep Baklavası', 'Turkish Patent and Trademark Office, GI register', '2029-08-31'),
      c.halal(8101, '2028-02-29'),
    ],
    fulfilment: bonded(3),
    hsCode: '1905909000',
  },
  {
    sku: 'TR-SWT-002',
    category: 'sweets',
    title: t('玫瑰开心果土耳其软糖', 'Лукум с розой и фисташкой', 'Rose and pistachio lokum'),
    description: t(
      '用玉米淀粉和糖慢熬出弹软的糖体，加入大马士革玫瑰水和整粒开心果，外裹糖粉。配一杯土耳其咖啡正合适。',
      'Упругая основа из крахмала и сахара, долго уваренная, с дамасской розовой водой и целыми фисташками, в сахарной пудре. Идеально к турецкому кофе.',
      'Starch and sugar cooked slowly into a soft, springy jelly with Damask rose water and whole pistachios, dusted in icing sugar. Perfect with a Turkish coffee.',
    ),
    unit: unit.box(500),
    price: 520,
    weightGrams: 600,
    stock: 88,
    origin: afyon,
    producer: afyonLokum,
    certificates: [c.halal(8110, '2028-05-31')],
    fulfilment: bonded(3),
    hsCode: '1704900000',
  },
  {
    sku: 'TR-FRT-001',
    category: 'fruit',
    title: t('马拉蒂亚天然杏干', 'Курага из Малатьи', 'Malatya sun-dried apricots'),
    description: t(
      '马拉蒂亚是世界杏干之都。整颗去核、在果园里自然晒干，不经硫熏，颜色棕褐、口感柔软，甜味像太妃糖。',
      'Малатья — мировая столица кураги. Целые плоды без косточки сушат прямо в саду без серы: коричневые, мягкие, сладкие, как ириска.',
      "Malatya is the world's apricot capital. Whole pitted fruit dried in the orchard without sulphur: brown, soft and toffee-sweet.",
    ),
    unit: unit.pack(1000),
    price: 780,
    weightGrams: 1030,
    stock: 100,
    origin: malatya,
    producer: malatyaApricot,
    certificates: [c.gi('Malatya Kayısısı', 'Turkish Patent and Trademark Office, GI register', '2029-05-31'), c.organic('TR-ORG-021', '2027-12-31')],
    fulfilment: rail(18),
    hsCode: '0813100000',
  },
  {
    sku: 'TR-FRT-002',
    category: 'fruit',
    title: t('吉雷松圆榛子仁（烘烤）', 'Фундук гиресунский жареный', 'Roasted Giresun hazelnuts'),
    description: t(
      '黑海沿岸吉雷松的"圆榛"品种，公认香味最浓。果仁饱满，轻度烘烤去皮，酥脆带奶油香。',
      'Сорт «томбул» из Гиресуна на Черноморском побережье считают самым ароматным. Полные ядра, слегка обжаренные и очищенные от кожицы: хрустящие и сливочные.',
      'The round tombul hazelnut of Giresun on the Black Sea coast is held to be the most aromatic. Full kernels, lightly roasted and skinned: crunchy and creamy.',
    ),
    unit: unit.pack(500),
    price: 560,
    weightGrams: 515,
    stock: 64,
    origin: giresun,
    producer: blackSeaNuts,
    certificates: [c.gi('Giresun Tombul Fındığı', 'Turkish Patent and Trademark Office, GI register', '2029-03-31')],
    fulfilment: bonded(4),
    hsCode: '2008199000',
  },
  {
    sku: 'TR-TEA-001',
    category: 'tea',
    title: t('里泽红茶', 'Чай из Ризе', 'Rize black tea'),
    description: t(
      '黑海多雨的山坡上种植，冬季低温无需农药。用土耳其双层壶浓煮，倒进郁金香形玻璃杯，汤色如兔血般红亮。',
      'Растёт на дождливых черноморских склонах, где зимние холода избавляют от пестицидов. Заваривайте крепко в двухъярусном чайнике и наливайте в стаканчики-тюльпаны: настой цвета «заячьей крови».',
      'Grown on rainy Black Sea slopes where cold winters make pesticides unnecessary. Brew it strong in a double teapot and pour into tulip glasses for the famous "rabbit’s blood" red.',
    ),
    unit: unit.pack(1000),
    price: 390,
    weightGrams: 1030,
    stock: 150,
    origin: rize,
    producer: rizeTea,
    certificates: [c.gi('Rize Çayı', 'Turkish Patent and Trademark Office, GI register', '2029-07-31')],
    fulfilment: rail(19),
    hsCode: '0902309000',
  },
  {
    sku: 'TR-OIL-001',
    category: 'oils',
    title: t('艾瓦勒克特级初榨橄榄油', 'Оливковое масло Extra Virgin из Айвалыка', 'Ayvalık extra virgin olive oil'),
    description: t(
      '爱琴海北岸艾瓦勒克的本地品种橄榄，早收冷榨，酸度低于0.5%。果香柔和、带杏仁和青苹果的尾韵，适合凉拌和蘸面包。',
      'Местный сорт айвалык с северного Эгейского побережья, ранний сбор и холодный отжим, кислотность ниже 0,5%. Мягкий фруктовый вкус с миндалём и зелёным яблоком — для салатов и хлеба.',
      'The local Ayvalık olive from the northern Aegean, harvested early and cold-pressed, acidity under 0.5%. Soft and fruity with almond and green apple; for salads and dipping bread.',
    ),
    unit: unit.bottle(1000),
    price: 790,
    weightGrams: 1600,
    stock: 42,
    origin: ayvalik,
    producer: aegeanOlive,
    certificates: [c.gi('Ayvalık Zeytinyağı', 'Turkish Patent and Trademark Office, GI register', '2029-11-30')],
    fulfilment: rail(19),
    hsCode: '1509200000',
  },
  {
    sku: 'TR-CRF-001',
    category: 'crafts',
    title: t('伊兹尼克花纹陶碗', 'Керамическая чаша с изникским узором', 'Iznik-pattern ceramic bowl'),
    description: t(
      '屈塔希亚的陶艺师按奥斯曼时期伊兹尼克瓷砖的图样，手绘郁金香、康乃馨和钴蓝卷叶，釉面光亮。可盛水果或作摆件。',
      'Кютахийские мастера вручную расписывают чашу по мотивам османских изникских изразцов: тюльпаны, гвоздики и кобальтовые завитки под блестящей глазурью. Для фруктов или как украшение.',
      'Kütahya potters hand-paint tulips, carnations and cobalt scrolls after Ottoman Iznik tiles, under a glossy glaze. For fruit, or simply for display.',
    ),
    unit: unit.piece('直径25厘米 1只', 'диаметр 25 см, 1 шт.', '25 cm diameter, one piece'),
    price: 1450,
    weightGrams: 900,
    stock: 13,
    origin: kutahya,
    producer: { name: t('屈塔希亚陶艺坊', 'Кютахийская гончарная мастерская', 'Kütahya Pottery Studio'), registrations: [] },
    fulfilment: rail(20),
    hsCode: '6912001000',
  },
];
