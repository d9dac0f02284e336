import { certify } from '../certificates.js';
import { air, bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('TJ');

const isfara = t('索格特州伊斯法拉', 'Исфара, Согдийская область', 'Isfara, Sughd Region');
const hisor = t('希索尔谷地', 'Гиссарская долина', 'Hisor Valley');
const zarafshan = t('泽拉夫尚谷地', 'Зеравшанская долина', 'Zarafshan Valley');
const vakhsh = t('哈特隆州瓦赫什', 'Вахш, Хатлонская область', 'Vakhsh, Khatlon Region');
const varzob = t('瓦尔佐布峡谷', 'Варзобское ущелье', 'Varzob Gorge');
const istaravshan = t('伊斯塔拉夫尚', 'Истаравшан', 'Istaravshan');

const isfaraOrchards: SeedProducer = {
  name: t('伊斯法拉杏园', 'Исфаринские абрикосовые сады', 'Isfara Apricot Orchards'),
  registrations: [c.gacc('0813', '2022-07-20', 13)],
};
const zarafshanBees: SeedProducer = {
  name: t('泽拉夫尚蜂农协会', 'Зеравшанское общество пчеловодов', 'Zarafshan Beekeepers Society'),
  registrations: [c.gacc('0409', '2023-05-15', 27)],
};
const vakhshCitrus: SeedProducer = {
  name: t('瓦赫什柠檬园', 'Вахшские лимонарии', 'Vakhsh Lemon Gardens'),
  registrations: [c.gacc('0805', '2024-01-10', 6)],
};
const pamirHerbs: SeedProducer = {
  name: t('瓦尔佐布山草茶坊', 'Варзобские горные травы', 'Varzob Mountain Herbs'),
  registrations: [c.gacc('1211', '2023-11-28', 20)],
};

export const TJ_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'TJ-FRT-001',
    category: 'fruit',
    title: t('伊斯法拉整颗杏干', 'Урюк исфаринский', 'Isfara whole dried apricots'),
    description: t(
      '伊斯法拉的杏子带核整颗晒干，当地叫"乌留克"。甜度极高，有蜂蜜和焦糖的味道，杏核里的杏仁也可以吃。',
      'Исфаринские абрикосы, высушенные целиком с косточкой, — урюк. Очень сладкий, с медово-карамельным вкусом; ядрышко внутри тоже съедобно.',
      'Isfara apricots dried whole with the stone in, known locally as uryuk. Very sweet with notes of honey and caramel; the kernel inside is edible too.',
    ),
    unit: unit.pack(500),
    price: 45,
    weightGrams: 520,
    stock: 95,
    origin: isfara,
    producer: isfaraOrchards,
    certificates: [c.halal(4101, '2028-03-31')],
    fulfilment: rail(12),
    hsCode: '0813100000',
  },
  {
    sku: 'TJ-FRT-002',
    category: 'fruit',
    title: t('白桑葚干', 'Шелковица белая сушёная', 'Dried white mulberries'),
    description: t(
      '希索尔谷地的白桑葚熟透后自然落果，晒干后像小小的蜜饯，甜而不腻，带无花果般的风味。可搭配核桃一起吃。',
      'Белая шелковица Гиссарской долины опадает сама, когда совсем созреет; после сушки — как маленькие цукаты, сладкие, с привкусом инжира. Лучше всего с грецким орехом.',
      'White mulberries of the Hisor valley fall when fully ripe and dry into tiny candies: sweet, never cloying, with a fig-like taste. Best eaten with walnuts.',
    ),
    unit: unit.pack(300),
    price: 35,
    weightGrams: 320,
    stock: 70,
    origin: hisor,
    producer: isfaraOrchards,
    certificates: [c.halal(4102, '2028-03-31')],
    fulfilment: rail(12),
    hsCode: '0813409000',
  },
  {
    sku: 'TJ-FRT-003',
    category: 'fruit',
    title: t('塔吉克新鲜柠檬', 'Таджикские лимоны', 'Fresh Tajik lemons'),
    description: t(
      '塔吉克斯坦的柠檬种在半地下的沟槽里越冬，皮薄、汁多、香气浓，酸味柔和。空运直达，适合泡茶或做饮料。',
      'Таджикские лимоны зимуют в полуподземных траншеях: тонкая кожица, много сока, сильный аромат и мягкая кислота. Летят самолётом — к чаю и для лимонада.',
      'Tajik lemons overwinter in half-buried trenches: thin-skinned, juicy, very fragrant and gently sour. Flown direct; slice them into tea or make lemonade.',
    ),
    unit: unit.box(1000),
    price: 35,
    weightGrams: 1100,
    stock: 28,
    origin: vakhsh,
    producer: vakhshCitrus,
    fulfilment: air(6),
    hsCode: '0805501000',
  },
  {
    sku: 'TJ-HNY-001',
    category: 'honey',
    title: t('泽拉夫尚山地蜜', 'Зеравшанский горный мёд', 'Zarafshan mountain honey'),
    description: t(
      '泽拉夫尚谷地的蜂群在刺山柑、百里香和野玫瑰间采蜜。蜜色深金，口感浓稠，带明显的花香和微微的辛香。',
      'Пчёлы Зеравшанской долины собирают нектар с каперсов, чабреца и дикой розы. Тёмно-золотой, густой, цветочный, с лёгкой пряностью.',
      'Bees in the Zarafshan valley forage on caper, thyme and wild rose. Deep gold and thick, clearly floral with a faint spice.',
    ),
    unit: unit.jar(500),
    price: 95,
    weightGrams: 720,
    stock: 37,
    origin: zarafshan,
    producer: zarafshanBees,
    certificates: [c.halal(4120, '2027-10-31')],
    fulfilment: bonded(4),
    hsCode: '0409000000',
  },
  {
    sku: 'TJ-TEA-001',
    category: 'tea',
    title: t('瓦尔佐布山草茶', 'Горный травяной чай Варзоба', 'Varzob mountain herbal tea'),
    description: t(
      '手工采集的野生百里香、薄荷和野玫瑰果混合而成，不含咖啡因。汤色橙红，清香微酸，饭后喝一杯很舒服。',
      'Собранные вручную дикий чабрец, мята и шиповник, без кофеина. Оранжево-красный настой, свежий и чуть кислый — хорошо после еды.',
      'Hand-gathered wild thyme, mint and rose hips, caffeine-free. An orange-red cup, fresh and slightly tart: good after a meal.',
    ),
    unit: unit.pack(100),
    price: 30,
    weightGrams: 120,
    stock: 62,
    origin: varzob,
    producer: pamirHerbs,
    certificates: [c.organic('071', '2027-08-31')],
    fulfilment: rail(14),
    hsCode: '1211909999',
  },
  {
    sku: 'TJ-CRF-001',
    category: 'crafts',
    title: t('手工恰坎刺绣围巾', 'Платок с вышивкой чакан', 'Chakan-embroidered scarf'),
    description: t(
      '恰坎是塔吉克传统刺绣，已列入联合国教科文组织非物质文化遗产名录。伊斯塔拉夫尚的绣娘在棉丝混纺布上绣满太阳与花朵纹样，祝福平安与丰收。',
      'Чакан — таджикская вышивка, внесённая в список нематериального наследия ЮНЕСКО. Мастерицы Истаравшана покрывают хлопково-шёлковую ткань солнцами и цветами — знаками благополучия и урожая.',
      "Chakan is Tajikistan's traditional embroidery, on UNESCO's intangible heritage list. Istaravshan embroiderers cover cotton-silk cloth with suns and flowers, wishes for good fortune and harvest.",
    ),
    unit: unit.piece('90×90厘米 1条', '90×90 см, 1 шт.', '90 × 90 cm, one piece'),
    price: 450,
    weightGrams: 180,
    stock: 8,
    origin: istaravshan,
    producer: { name: t('伊斯塔拉夫尚绣娘合作社', 'Кооператив вышивальщиц Истаравшана', 'Istaravshan Embroiderers Cooperative'), registrations: [] },
    fulfilment: rail(17),
    hsCode: '6214900000',
  },
];
