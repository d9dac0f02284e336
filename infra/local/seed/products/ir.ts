import { certify } from '../certificates.js';
import { bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('IR');

const khorasan = t('南呼罗珊省', 'Южный Хорасан', 'South Khorasan');
const kerman = t('克尔曼省拉夫桑詹', 'Рефсенджан, провинция Керман', 'Rafsanjan, Kerman Province');
const bam = t('克尔曼省巴姆', 'Бам, провинция Керман', 'Bam, Kerman Province');
const isfahan = t('伊斯法罕', 'Исфахан', 'Isfahan');
const qom = t('库姆', 'Кум', 'Qom');

const qaenSaffron: SeedProducer = {
  name: t('加恩藏红花园', 'Шафрановые поля Каена', 'Qaen Saffron Fields'),
  registrations: [c.gacc('0910', '2022-11-14', 144)],
};
const rafsanjanPistachio: SeedProducer = {
  name: t('拉夫桑詹开心果园', 'Фисташковые сады Рефсенджана', 'Rafsanjan Pistachio Orchards'),
  registrations: [c.gacc('0802', '2023-01-09', 266)],
};
const bamDates: SeedProducer = {
  name: t('巴姆椰枣合作社', 'Финиковый кооператив Бама', 'Bam Date Cooperative'),
  registrations: [c.gacc('0804', '2023-06-26', 31)],
};
const isfahanGaz: SeedProducer = {
  name: t('伊斯法罕古兹糖坊', 'Исфаханская кондитерская газа', 'Isfahan Gaz Confectioners'),
  registrations: [c.gacc('1704', '2022-12-19', 52)],
};

export const IR_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'IR-SPC-001',
    category: 'spices',
    title: t('呼罗珊特级藏红花（萨戈尔）', 'Хорасанский шафран саргол', 'Khorasan sargol saffron'),
    description: t(
      '伊朗出产全世界大部分的藏红花。萨戈尔级只取柱头最红的顶端，色素和香气最浓。取几根用温水泡十分钟，再加入米饭、甜点或茶中。',
      'Иран даёт большую часть мирового шафрана. Сорт саргол — только ярко-красные кончики рылец, самые насыщенные по цвету и аромату. Замочите несколько нитей в тёплой воде на 10 минут и добавьте в рис, десерт или чай.',
      "Iran grows most of the world's saffron. Sargol grade keeps only the deep red tips of the stigmas, richest in colour and aroma. Steep a few threads in warm water for ten minutes, then add to rice, desserts or tea.",
    ),
    unit: unit.tin(5),
    price: 22,
    weightGrams: 60,
    stock: 36,
    origin: khorasan,
    producer: qaenSaffron,
    certificates: [c.halal(9101, '2028-09-30'), c.iso22000(81234, '2027-11-30')],
    fulfilment: bonded(3),
    hsCode: '0910200000',
  },
  {
    sku: 'IR-FRT-001',
    category: 'fruit',
    title: t('克尔曼阿克巴里开心果', 'Фисташки акбари из Кермана', 'Kerman Akbari pistachios'),
    description: t(
      '阿克巴里是伊朗开心果里个头最大的品种，果仁翠绿、开口自然。用柠檬汁和海盐轻轻烘烤，咸香脆口。',
      'Акбари — самый крупный иранский сорт фисташек: зелёное ядро и естественно раскрытая скорлупа. Обжарены с лимонным соком и морской солью: солоноватые и хрустящие.',
      'Akbari is the largest Iranian pistachio: green kernels in naturally split shells. Roasted lightly with lemon juice and sea salt: savoury and crunchy.',
    ),
    unit: unit.pack(500),
    price: 14.5,
    weightGrams: 515,
    stock: 80,
    origin: kerman,
    producer: rafsanjanPistachio,
    certificates: [c.halal(9120, '2028-06-30')],
    fulfilment: rail(20),
    hsCode: '0802510000',
  },
  {
    sku: 'IR-FRT-002',
    category: 'fruit',
    title: t('巴姆马扎法蒂鲜椰枣', 'Финики мазафати из Бама', 'Bam Mazafati dates'),
    description: t(
      '马扎法蒂是一种深色软椰枣，含水量高，口感像巧克力慕斯一样柔软。冷藏保存，配酸奶或咖啡都很好。',
      'Мазафати — тёмные мягкие финики с высокой влажностью, нежные, как шоколадный мусс. Храните в холодильнике; хороши с йогуртом и кофе.',
      'Mazafati is a dark, soft date with a high moisture content, tender as chocolate mousse. Keep them chilled; lovely with yogurt or coffee.',
    ),
    unit: unit.box(600),
    price: 6.9,
    weightGrams: 660,
    stock: 58,
    origin: bam,
    producer: bamDates,
    certificates: [c.halal(9130, '2028-07-31')],
    fulfilment: bonded(4),
    hsCode: '0804100000',
  },
  {
    sku: 'IR-SWT-001',
    category: 'sweets',
    title: t('伊斯法罕开心果牛轧糖（古兹）', 'Газ исфаханский с фисташкой', 'Isfahan pistachio gaz'),
    description: t(
      '伊斯法罕的传统牛轧糖，用蛋白、玫瑰水和大量开心果制成，裹上面粉防粘。口感柔软而有嚼劲，是伊朗人拜访亲友时必带的礼物。',
      'Традиционная исфаханская нуга из белка, розовой воды и обилия фисташек, обсыпанная мукой. Мягкая и тягучая — в Иране без неё не ходят в гости.',
      'The traditional nougat of Isfahan, made with egg white, rose water and plenty of pistachios, dusted in flour. Soft and chewy: the gift Iranians bring when visiting.',
    ),
    unit: unit.box(400),
    price: 9.5,
    weightGrams: 470,
    stock: 47,
    origin: isfahan,
    producer: isfahanGaz,
    certificates: [c.halal(9140, '2028-03-31')],
    fulfilment: rail(21),
    hsCode: '1704900000',
  },
  {
    sku: 'IR-SWT-002',
    category: 'sweets',
    title: t('库姆藏红花酥糖（索罕）', 'Сохан из Кума с шафраном', 'Qom saffron sohan brittle'),
    description: t(
      '库姆的名产：小麦芽、黄油、藏红花和砂糖熬成的酥糖，撒上开心果和杏仁碎。入口酥脆，黄油和藏红花的香味很浓。',
      'Знаменитое лакомство Кума: пророщенная пшеница, сливочное масло, шафран и сахар, посыпанные фисташками и миндалём. Хрустящий, с ярким ароматом масла и шафрана.',
      'The famous sweet of Qom: sprouted wheat, butter, saffron and sugar cooked into a brittle and scattered with pistachio and almond. Crisp and rich with butter and saffron.',
    ),
    unit: unit.tin(400),
    price: 8.5,
    weightGrams: 520,
    stock: 33,
    origin: qom,
    producer: isfahanGaz,
    certificates: [c.halal(9141, '2028-03-31')],
    fulfilment: rail(21),
    hsCode: '1704900000',
  },
  {
    sku: 'IR-CRF-001',
    category: 'crafts',
    title: t('伊斯法罕珐琅彩盘（米纳卡里）', 'Тарелка минакари из Исфахана', 'Isfahan minakari enamel plate'),
    description: t(
      '米纳卡里是伊斯法罕的珐琅工艺：在铜胎上手绘花鸟纹样，经多次高温烧制。以青绿色为底，细腻华丽，附挂架。',
      'Минакари — исфаханская эмаль: мастер расписывает медное блюдо цветами и птицами и несколько раз обжигает его. Бирюзовый фон, тонкая роспись; подставка в комплекте.',
      'Minakari is the enamel art of Isfahan: flowers and birds painted on copper and fired several times. Turquoise ground, fine detail; comes with a stand.',
    ),
    unit: unit.piece('直径20厘米 1只', 'диаметр 20 см, 1 шт.', '20 cm diameter, one piece'),
    price: 39,
    weightGrams: 480,
    stock: 10,
    origin: isfahan,
    producer: { name: t('伊斯法罕珐琅工坊', 'Исфаханская мастерская эмали', 'Isfahan Enamel Atelier'), registrations: [] },
    fulfilment: rail(21),
    hsCode: '8306299000',
  },
];
