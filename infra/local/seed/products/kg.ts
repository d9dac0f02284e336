import { certify } from '../certificates.js';
import { air, bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('KG');

const issykKul = t('伊塞克湖州', 'Иссык-Кульская область', 'Issyk-Kul Region');
const chuy = t('楚河州', 'Чуйская область', 'Chuy Region');
const suusamyr = t('楚河州苏萨梅尔山谷', 'Суусамырская долина, Чуйская область', 'Suusamyr Valley, Chuy Region');
const arslanbob = t('贾拉拉巴德州阿尔斯兰博布', 'Арсланбоб, Джалал-Абадская область', 'Arslanbob, Jalal-Abad Region');
const batken = t('巴特肯州', 'Баткенская область', 'Batken Region');
const naryn = t('纳伦州', 'Нарынская область', 'Naryn Region');

const karakolBees: SeedProducer = {
  name: t('卡拉科尔养蜂合作社', 'Кооператив пчеловодов «Каракол»', 'Karakol Beekeepers Cooperative'),
  registrations: [c.gacc('0409', '2022-04-18', 31)],
};
const alaTooApiary: SeedProducer = {
  name: t('阿拉套山地蜂场', 'Пасека «Ала-Тоо»', 'Ala-Too Mountain Apiary'),
  registrations: [c.gacc('0409', '2023-02-07', 112)],
};
const issykKulOrchards: SeedProducer = {
  name: t('伊塞克湖果园公司', 'Сады Иссык-Куля', 'Issyk-Kul Orchards'),
  registrations: [c.gacc('0809', '2023-05-22', 47)],
};
const batkenFruit: SeedProducer = {
  name: t('巴特肯干果厂', 'Баткенский завод сухофруктов', 'Batken Dried Fruit Works'),
  registrations: [c.gacc('0813', '2022-09-30', 8)],
};
const arslanbobPreserves: SeedProducer = {
  name: t('阿尔斯兰博布家庭果酱坊', 'Семейная мастерская варенья «Арсланбоб»', 'Arslanbob Family Preserves'),
  registrations: [c.gacc('2007', '2024-03-11', 215)],
};
const narynDairy: SeedProducer = {
  name: t('纳伦高原乳品厂', 'Нарынская горная молочная ферма', 'Naryn Highland Dairy'),
  registrations: [c.gacc('0406', '2023-08-14', 63)],
};
const suusamyrKoumiss: SeedProducer = {
  name: t('苏萨梅尔马奶酒作坊', 'Кумысная ферма «Суусамыр»', 'Suusamyr Koumiss Farm'),
  registrations: [c.gacc('0404', '2024-06-03', 19)],
};

export const KG_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'KG-HNY-001',
    category: 'honey',
    title: t('伊塞克湖白蜜', 'Белый мёд Иссык-Куля', 'Issyk-Kul white honey'),
    description: t(
      '采自伊塞克湖畔红豆草与白三叶的花期，天然结晶成奶油般细腻的白色蜜膏。口感柔和，带淡淡奶香与花香，适合抹面包或直接用勺子品尝。',
      'Собран на берегах Иссык-Куля в пору цветения эспарцета и белого клевера и сам по себе кристаллизуется в нежную белую кремовую массу. Вкус мягкий, сливочно-цветочный: хорош на хлебе или прямо с ложки.',
      'Gathered on the shores of Lake Issyk-Kul while sainfoin and white clover bloom, it sets naturally into a smooth, creamy white spread. Mild, buttery and floral: lovely on bread or straight from the spoon.',
    ),
    unit: unit.jar(500),
    price: 1200,
    weightGrams: 720,
    stock: 140,
    origin: issykKul,
    producer: karakolBees,
    certificates: [c.halal(318, '2027-05-31'), c.eac(41327, '2028-03-01'), c.organic('149', '2027-12-31')],
    fulfilment: bonded(3),
  },
  {
    sku: 'KG-HNY-002',
    category: 'honey',
    title: t('红豆草蜜', 'Эспарцетовый мёд', 'Sainfoin (esparcet) honey'),
    description: t(
      '楚河谷地的红豆草蜜，色泽浅金，甜而不腻，余味有杏仁般的清香。结晶缓慢、质地细腻，可以调入温水或搭配酸奶。',
      'Эспарцетовый мёд Чуйской долины: светло-золотой, сладкий без приторности, с миндальным послевкусием. Кристаллизуется медленно и мелко; хорош в тёплой воде и с йогуртом.',
      'Sainfoin honey from the Chuy valley: pale gold, sweet without being cloying, with an almond-like finish. It crystallises slowly and finely; stir it into warm water or spoon it over yogurt.',
    ),
    unit: unit.jar(1000),
    price: 2100,
    weightGrams: 1380,
    stock: 85,
    origin: chuy,
    producer: karakolBees,
    certificates: [c.halal(319, '2027-05-31'), c.eac(41328, '2028-03-01')],
    fulfilment: rail(14),
  },
  {
    sku: 'KG-HNY-003',
    category: 'honey',
    title: t('天山高山野花蜜', 'Горный разнотравный мёд Тянь-Шаня', 'Tian Shan mountain wildflower honey'),
    description: t(
      '蜂场位于海拔2500米的苏萨梅尔高山草甸，百里香、野薄荷与龙胆同时开花。蜜色琥珀，香气浓郁，略带草本的清凉感。产量很小，每年只取一次。',
      'Пасека стоит на альпийских лугах Суусамыра на высоте 2500 м, где одновременно цветут чабрец, душица и горечавка. Янтарный, ароматный, с лёгкой травяной свежестью. Качают раз в год, партии маленькие.',
      'The hives stand on the alpine meadows of Suusamyr at 2,500 m, where thyme, wild oregano and gentian bloom together. Amber, fragrant and faintly herbal. Extracted once a year in small batches.',
    ),
    unit: unit.jar(250),
    price: 750,
    weightGrams: 420,
    stock: 3,
    origin: suusamyr,
    producer: alaTooApiary,
    certificates: [c.organic('149', '2027-12-31'), c.eac(41502, '2028-06-15')],
    fulfilment: air(7),
  },
  {
    sku: 'KG-HNY-004',
    category: 'honey',
    title: t('阿尔斯兰博布核桃林巢蜜', 'Сотовый мёд из орехового леса Арсланбоба', 'Arslanbob walnut-forest comb honey'),
    description: t(
      '来自世界上最大的野生核桃林，整块蜂巢连蜡一起封装。蜂蜡可以咀嚼，蜜汁带有森林与干果的深沉香气。',
      'Из крупнейшего в мире дикого орехового леса: целый кусок сот прямо с воском. Воск можно жевать, а мёд отдаёт лесом и орехом.',
      "From the world's largest wild walnut forest, a whole piece of comb packed with its wax. Chew the wax; the honey tastes deep, woody and nutty.",
    ),
    unit: unit.box(350),
    price: 1600,
    weightGrams: 460,
    stock: 0,
    origin: arslanbob,
    producer: alaTooApiary,
    certificates: [c.halal(402, '2027-09-30')],
    fulfilment: air(8),
  },
  {
    sku: 'KG-FRT-001',
    category: 'fruit',
    title: t('伊塞克湖鲜樱桃', 'Черешня с Иссык-Куля', 'Fresh Issyk-Kul sweet cherries'),
    description: t(
      '湖区昼夜温差大，樱桃果肉紧实、甜度高。清晨采摘，冷链空运，六至七月限时供应。收到后冷藏，三天内食用风味最佳。',
      'Большой перепад дневных и ночных температур у озера делает черешню плотной и очень сладкой. Собираем на рассвете и везём самолётом в холодовой цепи; сезон — июнь и июль. Храните в холодильнике и съешьте за три дня.',
      'Warm days and cold nights by the lake make these cherries firm and very sweet. Picked at dawn and flown in the cold chain, June and July only. Keep them chilled and enjoy within three days.',
    ),
    unit: unit.box(1000),
    price: 650,
    weightGrams: 1150,
    stock: 40,
    origin: issykKul,
    producer: issykKulOrchards,
    fulfilment: air(5),
  },
  {
    sku: 'KG-FRT-002',
    category: 'fruit',
    title: t('天然晒干酸樱桃', 'Вишня вяленая', 'Sun-dried sour cherries'),
    description: t(
      '去核后在山区阳光下慢慢晒干，不加糖、不加油，酸甜浓缩。可以当零食，也适合放进燕麦粥、烘焙或炖肉。',
      'Без косточки, медленно вялена на горном солнце, без сахара и масла: кисло-сладкая и насыщенная. Для перекуса, каши, выпечки и плова.',
      'Pitted and slowly dried in the mountain sun, with no sugar or oil: intensely sweet and sour. Snack on them or add to porridge, baking and stews.',
    ),
    unit: unit.pack(300),
    price: 480,
    weightGrams: 320,
    stock: 64,
    origin: batken,
    producer: batkenFruit,
    certificates: [c.halal(511, '2028-01-31')],
    fulfilment: rail(12),
  },
  {
    sku: 'KG-FRT-003',
    category: 'fruit',
    title: t('巴特肯杏干', 'Курага из Баткена', 'Batken dried apricots'),
    description: t(
      '巴特肯是吉尔吉斯斯坦的杏乡。整颗去核自然晒干，不用二氧化硫熏制，所以颜色偏深、味道更浓。',
      'Баткен — абрикосовый край Кыргызстана. Целые плоды без косточки сушат на солнце без сернистого газа, поэтому курага темнее и вкуснее.',
      "Batken is Kyrgyzstan's apricot country. Whole pitted fruit dried in the sun without sulphur, which is why they are darker and taste deeper.",
    ),
    unit: unit.pack(500),
    price: 520,
    weightGrams: 530,
    stock: 120,
    origin: batken,
    producer: batkenFruit,
    certificates: [c.halal(512, '2028-01-31')],
    fulfilment: bonded(4),
  },
  {
    sku: 'KG-JAM-001',
    category: 'jam',
    title: t('杏仁杏子酱', 'Абрикосовое варенье с ядрышками', 'Apricot jam with kernels'),
    description: t(
      '按巴特肯家庭老方子，用整瓣杏子和甜杏仁小火熬成。果块完整，糖分适中，配馕、奶茶或冰淇淋都好吃。',
      'По старому баткенскому рецепту: половинки абрикосов и сладкие ядрышки томят на медленном огне. Кусочки целые, сладость умеренная — к лепёшке, чаю с молоком, мороженому.',
      'An old Batken family recipe: apricot halves and sweet kernels simmered slowly. Whole pieces and moderate sweetness; serve with flatbread, milk tea or ice cream.',
    ),
    unit: unit.jar(450),
    price: 390,
    weightGrams: 690,
    stock: 75,
    origin: batken,
    producer: arslanbobPreserves,
    certificates: [c.halal(530, '2028-04-30')],
    fulfilment: bonded(3),
  },
  {
    sku: 'KG-JAM-002',
    category: 'jam',
    title: t('沙棘果酱', 'Облепиховый джем', 'Sea buckthorn jam'),
    description: t(
      '伊塞克湖沿岸的野生沙棘，霜后采收，维生素C含量高。酸爽明亮，像菠萝和橙子的混合，适合冲热水做沙棘茶。',
      'Дикая облепиха с побережья Иссык-Куля, собранная после первых заморозков, богата витамином C. Ярко-кислая, со вкусом ананаса и апельсина; разведите горячей водой — получится облепиховый чай.',
      'Wild sea buckthorn from the Issyk-Kul shore, picked after the first frost and rich in vitamin C. Bright and tart, like pineapple and orange; stir into hot water for sea buckthorn tea.',
    ),
    unit: unit.jar(350),
    price: 420,
    weightGrams: 560,
    stock: 58,
    origin: issykKul,
    producer: arslanbobPreserves,
    fulfilment: bonded(3),
  },
  {
    sku: 'KG-JAM-003',
    category: 'jam',
    title: t('青核桃果酱', 'Варенье из зелёных грецких орехов', 'Green walnut preserve'),
    description: t(
      '六月采摘尚未成熟的嫩核桃，浸泡两周后整颗熬煮，颜色乌黑发亮，口感软糯，带焦糖与香料的味道。是招待贵客的传统甜品。',
      'Молодые орехи собирают в июне, две недели вымачивают и варят целиком: чёрные, блестящие, мягкие, со вкусом карамели и пряностей. Традиционное угощение для дорогих гостей.',
      'Young walnuts picked in June, soaked for two weeks and simmered whole: glossy black, tender, tasting of caramel and spice. A traditional treat for honoured guests.',
    ),
    unit: unit.jar(450),
    price: 650,
    weightGrams: 700,
    stock: 12,
    origin: arslanbob,
    producer: arslanbobPreserves,
    fulfilment: rail(16),
  },
  {
    sku: 'KG-DRY-001',
    category: 'dairy',
    title: t('库鲁特奶球（咸味）', 'Курут солёный', 'Kurut, salted dried yogurt balls'),
    description: t(
      '牧民用羊奶和牛奶的酸奶滤干、加盐后搓成小球，在高原的风中晾干。咸香浓郁、蛋白质高，可以慢慢含着吃，也能化开做汤。',
      'Чабаны отцеживают кислое молоко, солят, катают шарики и сушат на горном ветру. Солёный, насыщенный, богатый белком: рассасывайте понемногу или растворите в супе.',
      'Herders strain soured milk, salt it, roll it into balls and dry them in the highland wind. Salty, rich and high in protein: savour one slowly or dissolve it into soup.',
    ),
    unit: unit.pack(200),
    price: 250,
    weightGrams: 215,
    stock: 200,
    origin: naryn,
    producer: narynDairy,
    certificates: [c.halal(604, '2027-11-30'), c.eac(42011, '2028-08-01')],
    fulfilment: bonded(2),
  },
  {
    sku: 'KG-DRY-002',
    category: 'dairy',
    title: t('冻干马奶（库米斯粉）', 'Кумыс сублимированный', 'Freeze-dried koumiss'),
    description: t(
      '夏季牧场新鲜发酵的马奶，低温冻干成粉，保留乳酸菌风味。每袋加150毫升凉水摇匀，就是微酸清爽的库米斯。',
      'Свежий кумыс с летних пастбищ, высушенный холодом: сохраняет вкус живого брожения. Разведите пакетик в 150 мл холодной воды — получится лёгкий кисловатый кумыс.',
      "Fresh koumiss from the summer pastures, freeze-dried to keep the taste of the ferment. Shake one sachet with 150 ml of cold water for a light, tangy mare's-milk drink.",
    ),
    unit: unit.piece('10袋×15克 盒装', 'коробка, 10 пакетиков по 15 г', 'box of 10 × 15 g sachets'),
    price: 1400,
    weightGrams: 210,
    stock: 26,
    origin: suusamyr,
    producer: suusamyrKoumiss,
    certificates: [c.halal(611, '2028-02-28'), c.eac(42107, '2029-01-15')],
    fulfilment: rail(15),
  },
  {
    sku: 'KG-DRY-003',
    category: 'dairy',
    title: t('牦牛酥油（萨雷迈）', 'Топлёное масло из молока яка', 'Yak ghee (sary mai)'),
    description: t(
      '纳伦高原的牦牛奶黄油经长时间熬炼，颜色金黄，带坚果香。常温保存，适合煎炒、拌饭或加进奶茶。',
      'Масло из молока яков с нарынских высокогорий долго томят, пока оно не станет золотым и не запахнет орехом. Хранится без холодильника; для жарки, плова и чая с молоком.',
      'Butter from yaks of the Naryn highlands, slowly clarified until golden and nutty. Keeps without a fridge; use it for frying, rice dishes or in milk tea.',
    ),
    unit: unit.jar(400),
    price: 900,
    weightGrams: 610,
    stock: 4,
    origin: naryn,
    producer: narynDairy,
    certificates: [c.halal(605, '2027-11-30')],
    fulfilment: rail(18),
  },
  {
    sku: 'KG-CRF-001',
    category: 'crafts',
    title: t('手工希尔达克毡毯', 'Войлочный ковёр шырдак', 'Hand-made shyrdak felt rug'),
    description: t(
      '纳伦的匠人用羊毛擀毡，再把两色毛毡剪成羊角纹拼缝在一起，每一块都独一无二。厚实耐用，可做地毯或挂毯。',
      'Нарынские мастерицы валяют войлок, вырезают узор «кочкор мүйүз» (бараньи рога) из двух цветов и сшивают вручную — двух одинаковых не бывает. Плотный и долговечный: на пол или на стену.',
      "Naryn craftswomen felt the wool, cut the ram's-horn pattern from two colours and stitch it by hand, so no two are alike. Thick and durable, for the floor or the wall.",
    ),
    unit: unit.piece('60×90厘米 1张', '60×90 см, 1 шт.', '60 × 90 cm, one piece'),
    price: 6500,
    weightGrams: 1800,
    stock: 7,
    origin: naryn,
    producer: {
      name: t('纳伦毡艺合作社', 'Нарынский войлочный кооператив', 'Naryn Felt Makers Cooperative'),
      registrations: [],
    },
    fulfilment: rail(20),
  },
];
