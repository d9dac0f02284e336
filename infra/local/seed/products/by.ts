import { certify } from '../certificates.js';
import { bonded, rail, t, unit, type ProductSpec, type SeedProducer } from '../product-spec.js';

const c = certify('BY');

const minsk = t('明斯克州', 'Минская область', 'Minsk Region');
const grodno = t('格罗德诺州', 'Гродненская область', 'Grodno Region');
const brest = t('布列斯特州', 'Брестская область', 'Brest Region');
const polesie = t('戈梅利州波列西耶', 'Полесье, Гомельская область', 'Polesie, Gomel Region');
const vitebsk = t('维捷布斯克州', 'Витебская область', 'Vitebsk Region');
const orsha = t('维捷布斯克州奥尔沙', 'Орша, Витебская область', 'Orsha, Vitebsk Region');

const nemanDairy: SeedProducer = {
  name: t('涅曼河乳业', 'Молочный завод «Неман»', 'Neman River Dairy'),
  registrations: [c.gacc('0406', '2022-03-09', 140)],
};
const bugDairy: SeedProducer = {
  name: t('布格河乳品联合厂', 'Молочный комбинат «Буг»', 'Bug River Dairy Combine'),
  registrations: [c.gacc('0402', '2022-06-27', 86)],
};
const minskSweets: SeedProducer = {
  name: t('斯维斯洛奇糖果厂', 'Кондитерская фабрика «Свислочь»', 'Svislach Confectionery'),
  registrations: [c.gacc('1704', '2023-03-06', 45)],
};
const polesieBerries: SeedProducer = {
  name: t('波列西耶浆果公司', 'Полесские ягоды', 'Polesie Berries'),
  registrations: [c.gacc('2007', '2023-08-21', 12)],
};
const birchGrove: SeedProducer = {
  name: t('白桦林饮品厂', 'Берёзовая роща', 'Birch Grove Drinks'),
  registrations: [c.gacc('2009', '2024-02-20', 7)],
};

export const BY_PRODUCTS: readonly ProductSpec[] = [
  {
    sku: 'BY-DRY-001',
    category: 'dairy',
    title: t('涅曼陈年硬质奶酪', 'Сыр твёрдый «Неманский», выдержка 6 месяцев', 'Neman aged hard cheese'),
    description: t(
      '用格罗德诺牧场的牛奶制作，熟成六个月，口感紧实，带坚果和黄油的香味。切片夹面包，或刨丝撒在意面上。',
      'Из молока гродненских ферм, выдержан шесть месяцев: плотный, с ореховым и сливочным вкусом. На бутерброд или натереть на пасту.',
      'Made from Grodno farm milk and aged six months: firm, nutty and buttery. Slice it onto bread or grate it over pasta.',
    ),
    unit: unit.vacuum(300),
    price: 11.9,
    weightGrams: 310,
    stock: 66,
    origin: grodno,
    producer: nemanDairy,
    certificates: [c.eac(71020, '2028-04-30')],
    fulfilment: bonded(3),
    hsCode: '0406900000',
  },
  {
    sku: 'BY-DRY-002',
    category: 'dairy',
    title: t('全脂奶粉 26%', 'Молоко сухое цельное 26%', 'Whole milk powder 26%'),
    description: t(
      '白俄罗斯是中国重要的乳制品来源之一。这款全脂奶粉只用布列斯特牧场的鲜奶喷雾干燥，乳脂26%，冲调后奶香浓郁，也适合烘焙。',
      'Беларусь — один из крупных поставщиков молочной продукции в Китай. Сухое молоко распылительной сушки только из молока брестских ферм, жирность 26%: насыщенный вкус, годится и для выпечки.',
      "Belarus is one of China's major dairy suppliers. Spray-dried from Brest farm milk alone, 26% fat: rich and creamy when mixed, and good for baking.",
    ),
    unit: unit.pack(800),
    price: 18.5,
    weightGrams: 830,
    stock: 140,
    origin: brest,
    producer: bugDairy,
    certificates: [c.eac(71044, '2028-07-31'), c.iso22000(44102, '2027-09-30')],
    fulfilment: bonded(2),
    hsCode: '0402210000',
  },
  {
    sku: 'BY-DRY-003',
    category: 'dairy',
    title: t('甜奶油黄油 82.5%', 'Масло сливочное сладкосливочное 82,5%', 'Sweet cream butter 82.5%'),
    description: t(
      '用新鲜奶油搅打，乳脂82.5%，不加植物油。冷链运输至保税仓，适合烘焙，也可以直接抹在热面包上。',
      'Сбито из свежих сливок, жирность 82,5%, без растительных жиров. Идёт в холодовой цепи до бондового склада; для выпечки и на горячий хлеб.',
      'Churned from fresh cream, 82.5% fat and no vegetable oils. Shipped in the cold chain to the bonded warehouse; for baking, or on warm bread.',
    ),
    unit: unit.piece('500克 块装', 'брикет 500 г', '500 g block'),
    price: 12.9,
    weightGrams: 520,
    stock: 5,
    origin: brest,
    producer: bugDairy,
    certificates: [c.eac(71045, '2028-07-31')],
    fulfilment: bonded(3),
    hsCode: '0405100000',
  },
  {
    sku: 'BY-SWT-001',
    category: 'sweets',
    title: t('黑加仑棉花软糖（泽菲尔）', 'Зефир со смородиной', 'Blackcurrant zefir'),
    description: t(
      '白俄罗斯传统的苹果泥打发软糖，加入黑加仑果泥，口感像轻盈的云朵，酸甜适中。',
      'Традиционный зефир на яблочном пюре, взбитый с чёрной смородиной: лёгкий, как облако, кисло-сладкий.',
      'The traditional whipped apple-purée confection, here with blackcurrant: light as a cloud and pleasantly tart-sweet.',
    ),
    unit: unit.box(250),
    price: 4.2,
    weightGrams: 290,
    stock: 95,
    origin: minsk,
    producer: minskSweets,
    certificates: [c.eac(71110, '2028-12-31')],
    fulfilment: rail(14),
    hsCode: '1704900000',
  },
  {
    sku: 'BY-JAM-001',
    category: 'jam',
    title: t('波列西耶野生蔓越莓酱', 'Джем из полесской клюквы', 'Wild Polesie cranberry jam'),
    description: t(
      '波列西耶沼泽里手工采摘的野生蔓越莓，少糖熬制，酸味鲜亮。可配奶酪、烤肉，或加进红茶。',
      'Дикая клюква, собранная вручную на полесских болотах, сварена с небольшим количеством сахара: ярко-кислая. К сыру, мясу или в чай.',
      'Wild cranberries hand-picked in the Polesie marshes, cooked with little sugar: bright and tart. Serve with cheese or roast meat, or stir into black tea.',
    ),
    unit: unit.jar(300),
    price: 6.5,
    weightGrams: 510,
    stock: 48,
    origin: polesie,
    producer: polesieBerries,
    certificates: [c.eac(71150, '2029-01-31'), c.organic('088', '2027-06-30')],
    fulfilment: rail(13),
    hsCode: '2007999000',
  },
  {
    sku: 'BY-DRK-001',
    category: 'drinks',
    title: t('天然白桦树汁', 'Берёзовый сок натуральный', 'Natural birch sap'),
    description: t(
      '早春三月从维捷布斯克的白桦林采集的树液，只加少许糖和野玫瑰果调味。清甜微酸，冰镇后最好喝。',
      'Сок берёз витебских лесов, собранный ранней весной, с каплей сахара и шиповником. Свежий, чуть сладкий и кисловатый — лучше холодным.',
      'Sap tapped from the birch forests of Vitebsk in early spring, with a touch of sugar and rose hip. Fresh, lightly sweet and tart; best chilled.',
    ),
    unit: unit.bottle(1000),
    price: 3.2,
    weightGrams: 1150,
    stock: 210,
    origin: vitebsk,
    producer: birchGrove,
    certificates: [c.eac(71180, '2029-03-31')],
    fulfilment: rail(12),
    hsCode: '2202990000',
  },
  {
    sku: 'BY-CRF-001',
    category: 'crafts',
    title: t('奥尔沙亚麻提花桌布', 'Льняная скатерть из Орши', 'Orsha jacquard linen tablecloth'),
    description: t(
      '白俄罗斯的亚麻纺织已有数百年传统。这款桌布用天然亚麻织出传统的菱形护身纹，透气耐用，越洗越柔软。',
      'Льноткачество в Беларуси — многовековая традиция. Скатерть из натурального льна с жаккардовым ромбическим орнаментом-оберегом: дышит, служит годами и с каждой стиркой мягче.',
      'Linen weaving in Belarus goes back centuries. Natural linen with a jacquard of traditional protective diamond motifs: breathable, long-lasting and softer with every wash.',
    ),
    unit: unit.piece('150×220厘米 1条', '150×220 см, 1 шт.', '150 × 220 cm, one piece'),
    price: 95,
    weightGrams: 900,
    stock: 24,
    origin: orsha,
    producer: { name: t('奥尔沙亚麻织坊', 'Оршанская льняная мануфактура', 'Orsha Linen Weavers'), registrations: [] },
    fulfilment: rail(16),
    hsCode: '6302591000',
  },
];
