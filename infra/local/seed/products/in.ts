import { certify } from '../certificates.js';
import { bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('IN');

const darjeeling = t('西孟加拉邦大吉岭', 'Дарджилинг, Западная Бенгалия', 'Darjeeling, West Bengal');
const assam = t('阿萨姆邦', 'Ассам', 'Assam');
const kerala = t('喀拉拉邦', 'Керала', 'Kerala');
const kashmir = t('克什米尔潘波尔', 'Пампор, Кашмир', 'Pampore, Kashmir');
const ratnagiri = t('马哈拉施特拉邦勒德纳吉里', 'Ратнагири, Махараштра', 'Ratnagiri, Maharashtra');
const jaipur = t('拉贾斯坦邦斋浦尔', 'Джайпур, Раджастхан', 'Jaipur, Rajasthan');

const himalayanEstates: SeedProducer = {
  name: t('喜马拉雅云雾茶园', 'Гималайские туманные сады', 'Himalayan Mist Tea Estates'),
  registrations: [c.gacc('0902', '2022-04-04', 210)],
};
const brahmaputraTea: SeedProducer = {
  name: t('布拉马普特拉河谷茶业', 'Чай долины Брахмапутры', 'Brahmaputra Valley Tea'),
  registrations: [c.gacc('0902', '2023-01-30', 331)],
};
const malabarSpice: SeedProducer = {
  name: t('马拉巴尔香料园', 'Малабарский пряный сад', 'Malabar Spice Garden'),
  registrations: [c.gacc('0904', '2022-08-16', 95)],
};
const saffronValley: SeedProducer = {
  name: t('潘波尔藏红花田', 'Шафрановые поля Пампора', 'Pampore Saffron Fields'),
  registrations: [c.gacc('0910', '2023-10-23', 17)],
};
const konkanFruit: SeedProducer = {
  name: t('康坎果园食品', 'Конканские фрукты', 'Konkan Orchard Foods'),
  registrations: [c.gacc('2007', '2023-06-06', 58)],
};

export const IN_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'IN-TEA-001',
    category: 'tea',
    title: t('大吉岭春摘红茶', 'Дарджилинг, первый сбор', 'Darjeeling first flush'),
    description: t(
      '喜马拉雅山麓海拔2000米的茶园，三月采摘的第一批嫩芽。汤色浅金，有麝香葡萄和鲜花的香气，宜清饮，不加奶。',
      'Первые весенние побеги, собранные в марте в садах на высоте 2000 м в предгорьях Гималаев. Светло-золотой настой с ароматом мускатного винограда и цветов; пейте без молока.',
      'The first spring shoots, picked in March in gardens at 2,000 m in the Himalayan foothills. A pale gold cup scented with muscat grape and flowers; drink it without milk.',
    ),
    unit: unit.tin(100),
    price: 950,
    weightGrams: 210,
    stock: 60,
    origin: darjeeling,
    producer: himalayanEstates,
    certificates: [c.gi('Darjeeling Tea (GI No. 1)', 'Geographical Indications Registry, India', '2029-10-27'), c.organic('IN-ORG-006', '2027-03-31', 'NPOP accredited certification body')],
    fulfilment: bonded(3),
    hsCode: '0902309000',
  },
  {
    sku: 'IN-TEA-002',
    category: 'tea',
    title: t('阿萨姆金芽红茶', 'Ассам с золотыми типсами', 'Assam golden-tip black tea'),
    description: t(
      '布拉马普特拉河谷低地的阿萨姆条形红茶，含大量金色芽尖。汤色红亮，麦芽香浓郁，加牛奶做奶茶尤其好喝。',
      'Листовой ассам из низин долины Брахмапутры с обилием золотых типсов. Яркий красный настой с солодовым вкусом — особенно хорош с молоком.',
      'Whole-leaf Assam from the Brahmaputra lowlands, full of golden tips. A bright red, malty cup that is especially good with milk.',
    ),
    unit: unit.pack(250),
    price: 450,
    weightGrams: 270,
    stock: 100,
    origin: assam,
    producer: brahmaputraTea,
    fulfilment: rail(20),
    hsCode: '0902309000',
  },
  {
    sku: 'IN-SPC-001',
    category: 'spices',
    title: t('马拉巴尔黑胡椒粒', 'Малабарский чёрный перец горошком', 'Malabar black peppercorns'),
    description: t(
      '喀拉拉山区种植的黑胡椒，颗粒大而饱满，辣味干净、带柑橘和木质香气。现磨使用，香气最好。',
      'Чёрный перец с холмов Кералы: крупные, полные горошины, чистая острота с цитрусовыми и древесными нотами. Мелите прямо перед подачей.',
      'Black pepper from the hills of Kerala: large, full berries with a clean heat and citrus-woody notes. Grind it just before serving.',
    ),
    unit: unit.pack(200),
    price: 320,
    weightGrams: 215,
    stock: 130,
    origin: kerala,
    producer: malabarSpice,
    certificates: [c.gi('Malabar Pepper', 'Geographical Indications Registry, India', '2028-12-31')],
    fulfilment: bonded(3),
    hsCode: '0904110000',
  },
  {
    sku: 'IN-SPC-002',
    category: 'spices',
    title: t('克什米尔藏红花', 'Кашмирский шафран', 'Kashmir saffron'),
    description: t(
      '潘波尔高原每年秋天只开两周的番红花，清晨人工采摘柱头，炭火烘干。丝长色深，几根就能把一锅饭染成金黄色。',
      'Крокусы на плато Пампор цветут лишь две недели осенью; рыльца собирают вручную на рассвете и сушат над углями. Длинные тёмные нити: нескольких хватит, чтобы окрасить целый котёл риса.',
      'The crocuses of the Pampore plateau bloom for just two weeks each autumn; stigmas are picked by hand at dawn and dried over charcoal. Long, deep-red threads: a few colour a whole pot of rice gold.',
    ),
    unit: unit.piece('2克 玻璃瓶', 'флакон 2 г', '2 g glass vial'),
    price: 750,
    weightGrams: 40,
    stock: 25,
    origin: kashmir,
    producer: saffronValley,
    certificates: [c.gi('Kashmir Saffron', 'Geographical Indications Registry, India', '2029-04-30')],
    fulfilment: bonded(4),
    hsCode: '0910200000',
  },
  {
    sku: 'IN-JAM-001',
    category: 'jam',
    title: t('阿方索芒果果泥', 'Пюре манго альфонсо', 'Alphonso mango pulp'),
    description: t(
      '勒德纳吉里海边的阿方索芒果被称为"芒果之王"，熟透后打成果泥装罐，香甜浓郁。可做芒果拉西、冰沙或布丁。',
      'Альфонсо с побережья Ратнагири зовут королём манго. Спелые плоды протирают и закатывают в банки: густое, ароматное, сладкое. Для ласси, смузи и пудингов.',
      'Alphonso from the Ratnagiri coast is called the king of mangoes. Ripe fruit is puréed and tinned: thick, fragrant and sweet. For mango lassi, smoothies and puddings.',
    ),
    unit: unit.tin(850),
    price: 320,
    weightGrams: 960,
    stock: 70,
    origin: ratnagiri,
    producer: konkanFruit,
    certificates: [c.gi('Alphonso (Ratnagiri)', 'Geographical Indications Registry, India', '2028-08-31')],
    fulfilment: rail(21),
    hsCode: '2007999000',
  },
  {
    sku: 'IN-CRF-001',
    category: 'crafts',
    title: t('斋浦尔木版印花桌旗', 'Дорожка на стол, ручная набойка', 'Jaipur block-printed table runner'),
    description: t(
      '斋浦尔附近的桑加内尔村工匠用手刻木版，一版一版地把花卉纹样印在棉布上，只用植物染料。每一条的颜色深浅都略有不同。',
      'Мастера деревни Санганер под Джайпуром вручную отпечатывают резными деревянными штампами цветочный узор на хлопке, только растительными красками. Каждая дорожка чуть отличается оттенком.',
      'Artisans in Sanganer near Jaipur stamp the floral pattern onto cotton with hand-carved wooden blocks, using vegetable dyes only. Each runner differs slightly in shade.',
    ),
    unit: unit.piece('35×180厘米 1条', '35×180 см, 1 шт.', '35 × 180 cm, one piece'),
    price: 1450,
    weightGrams: 250,
    stock: 30,
    origin: jaipur,
    producer: { name: t('桑加内尔印花工坊', 'Санганерская набивная мастерская', 'Sanganer Block Printers'), registrations: [] },
    fulfilment: rail(21),
    hsCode: '6302510000',
  },
];
