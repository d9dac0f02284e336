import { certify } from '../certificates.js';
import { bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('MN');

const ovorkhangai = t('前杭爱省', 'Уверхангай', 'Övörkhangai Province');
const arkhangai = t('后杭爱省', 'Архангай', 'Arkhangai Province');
const khentii = t('肯特省', 'Хэнтий', 'Khentii Province');
const uvs = t('乌布苏省', 'Увс', 'Uvs Province');
const ulaanbaatar = t('乌兰巴托', 'Улан-Батор', 'Ulaanbaatar');

const khangaiDairy: SeedProducer = {
  name: t('杭爱牧民合作社', 'Кооператив скотоводов Хангая', 'Khangai Herders Cooperative'),
  registrations: [c.gacc('0406', '2023-07-24', 35)],
};
const steppeMeat: SeedProducer = {
  name: t('肯特草原肉业', 'Мясной двор «Хэнтий»', 'Khentii Steppe Meats'),
  registrations: [c.gacc('0210', '2022-10-18', 22)],
};
const uvsBuckthorn: SeedProducer = {
  name: t('乌布苏沙棘农场', 'Облепиховая ферма Увса', 'Uvs Sea Buckthorn Farm'),
  registrations: [c.gacc('2009', '2023-08-30', 9)],
};
const nomadTea: SeedProducer = {
  name: t('游牧人奶茶公司', 'Кочевой чай', 'Nomad Milk Tea Co.'),
  registrations: [c.gacc('2101', '2024-03-19', 15)],
};

export const MN_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'MN-CRF-001',
    category: 'crafts',
    title: t('原色驼色羊绒围巾', 'Кашемировый шарф натурального цвета', 'Undyed natural cashmere scarf'),
    description: t(
      '用杭爱山区山羊春季梳下的细绒，不染色保留天然的驼棕色，在乌兰巴托纺纱织造。轻薄保暖，越用越柔软。',
      'Тонкий подшёрсток хангайских коз, вычёсанный весной, не окрашен и сохраняет природный бежево-коричневый цвет; спрядён и соткан в Улан-Баторе. Лёгкий, тёплый, со временем ещё мягче.',
      'Fine down combed from Khangai goats in spring, left undyed in its natural fawn brown, spun and woven in Ulaanbaatar. Light and warm, and softer the more you wear it.',
    ),
    unit: unit.piece('30×180厘米 1条', '30×180 см, 1 шт.', '30 × 180 cm, one piece'),
    price: 180000,
    weightGrams: 160,
    stock: 40,
    origin: ulaanbaatar,
    producer: { name: t('杭爱羊绒工坊', 'Хангайская кашемировая мастерская', 'Khangai Cashmere Workshop'), registrations: [] },
    fulfilment: bonded(3),
    hsCode: '6214200000',
  },
  {
    sku: 'MN-DRY-001',
    category: 'dairy',
    title: t('蒙古奶干（阿如勒）', 'Арул, сушёный творог', 'Aaruul dried curds'),
    description: t(
      '夏季牧场的牛奶发酵后压成奶豆腐，切块在蒙古包顶上风干。微甜带酸，非常耐嚼，是牧民孩子最爱的零食。',
      'Сквашенное молоко летних пастбищ прессуют в творог, режут и сушат на крыше юрты. Сладковато-кислый, очень твёрдый — любимое лакомство детей кочевников.',
      'Summer-pasture milk is soured, pressed into curd, cut and dried on the roof of the ger. Mildly sweet and sour and very chewy: the favourite snack of herders’ children.',
    ),
    unit: unit.pack(300),
    price: 12000,
    weightGrams: 310,
    stock: 85,
    origin: arkhangai,
    producer: khangaiDairy,
    fulfilment: rail(10),
    hsCode: '0406900000',
  },
  {
    sku: 'MN-MEA-001',
    category: 'meat',
    title: t('蒙古风干牛肉（博尔查）', 'Борц, вяленая говядина', 'Borts air-dried beef'),
    description: t(
      '游牧人的传统储肉方法：牛肉切成长条，在冬季干冷的风中自然风干，不加防腐剂。可直接嚼食，或掰碎煮汤、煮面。',
      'Традиционный способ кочевников: говядину режут длинными полосками и сушат на сухом зимнем ветру, без консервантов. Жуйте так или добавляйте в суп и лапшу.',
      'The herders’ way of keeping meat: beef cut into long strips and dried in the dry winter wind, with no preservatives. Chew it as it is, or crumble into soup and noodles.',
    ),
    unit: unit.vacuum(250),
    price: 28000,
    weightGrams: 265,
    stock: 30,
    origin: khentii,
    producer: steppeMeat,
    certificates: [c.halal(7101, '2028-04-30')],
    fulfilment: bonded(4),
    hsCode: '0210200000',
  },
  {
    sku: 'MN-DRK-001',
    category: 'drinks',
    title: t('乌布苏沙棘原汁', 'Сок облепихи из Увса', 'Uvs sea buckthorn juice'),
    description: t(
      '蒙古西部乌布苏湖畔的沙棘，冷压取汁，只加少许糖。橙色浓稠，酸爽开胃，兑水或苏打水饮用。',
      'Облепиха с берегов озера Увс-Нуур на западе Монголии, сок холодного отжима с небольшим количеством сахара. Густой, оранжевый, бодряще-кислый — разбавьте водой или содовой.',
      'Sea buckthorn from the shores of Uvs Lake in western Mongolia, cold-pressed with a little sugar. Thick, orange and bracingly tart; top up with water or soda.',
    ),
    unit: unit.bottle(1000),
    price: 18000,
    weightGrams: 1180,
    stock: 55,
    origin: uvs,
    producer: uvsBuckthorn,
    fulfilment: rail(10),
    hsCode: '2009899000',
  },
  {
    sku: 'MN-TEA-001',
    category: 'tea',
    title: t('蒙古咸奶茶（速溶）', 'Монгольский солёный чай с молоком (сутэй цай)', 'Mongolian salted milk tea (suutei tsai)'),
    description: t(
      '用砖茶、全脂奶粉和少许盐调配，一袋冲一杯热水，就是蒙古人每天喝的咸奶茶。可以加炒米或奶皮一起吃。',
      'Кирпичный чай, цельное сухое молоко и щепотка соли: пакетик на чашку кипятка — и получится сутэй цай, который монголы пьют каждый день. Добавьте жареное пшено или пенки.',
      'Brick tea, whole milk powder and a pinch of salt: one sachet to a cup of hot water makes suutei tsai, the tea Mongolians drink every day. Add toasted millet or milk skin if you like.',
    ),
    unit: unit.piece('20袋×20克 盒装', 'коробка, 20 пакетиков по 20 г', 'box of 20 × 20 g sachets'),
    price: 9500,
    weightGrams: 440,
    stock: 120,
    origin: ovorkhangai,
    producer: nomadTea,
    fulfilment: rail(11),
    hsCode: '2106909090',
  },
];
