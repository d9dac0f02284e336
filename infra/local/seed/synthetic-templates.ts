import type { Category } from '../../../functions/domain/catalogue.js';
import type { Localized } from '../../../functions/domain/languages.js';
import { t, unit } from './product-spec.js';

/** A kind of goods the synthetic generator can list in any pavilion. */
export interface SyntheticTemplate {
  readonly name: Localized;
  /** What a shopper wants to know beyond the name: taste, use. One sentence per language. */
  readonly note: Localized;
  /** HS heading the maker's GACC registration is filed under; absent for non-food. */
  readonly hs?: string;
  /** China's 10-digit tariff code the listing is declared under (food's starts with its `hs` heading). */
  readonly hsCode: string;
  /** Typical retail price in yuan for the reference pack, converted to the pavilion's currency. */
  readonly cny: number;
  readonly grams: number;
  readonly pack: (grams: number) => Localized;
}

const piece = () => unit.piece('1件', '1 шт.', 'one piece');

export const SYNTHETIC_TEMPLATES: Record<Category, readonly SyntheticTemplate[]> = {
  honey: [
    { name: t('椴树蜜', 'Липовый мёд', 'Linden honey'), note: t('清甜细腻，适合冲温水。', 'Нежный и светлый, хорош в тёплой воде.', 'Light and delicate; lovely in warm water.'), hs: '0409', hsCode: '0409000000', cny: 88, grams: 500, pack: unit.jar },
    { name: t('百花蜜', 'Мёд разнотравье', 'Wildflower honey'), note: t('花香丰富，每一批风味都略有不同。', 'Богатый цветочный аромат, каждая партия немного своя.', 'Rich and floral; every batch tastes a little different.'), hs: '0409', hsCode: '0409000000', cny: 76, grams: 500, pack: unit.jar },
    { name: t('荞麦蜜', 'Гречишный мёд', 'Buckwheat honey'), note: t('颜色深、味道浓烈，带麦芽香。', 'Тёмный, терпкий, с солодовой ноткой.', 'Dark and robust with a malty note.'), hs: '0409', hsCode: '0409000000', cny: 82, grams: 500, pack: unit.jar },
  ],
  fruit: [
    { name: t('杏干', 'Курага', 'Dried apricots'), note: t('自然晒干，酸甜适口，可做零食或烘焙。', 'Высушена на солнце, кисло-сладкая: для перекуса и выпечки.', 'Sun-dried and sweet-tart; for snacking or baking.'), hs: '0813', hsCode: '0813100000', cny: 45, grams: 500, pack: unit.pack },
    { name: t('葡萄干', 'Изюм', 'Raisins'), note: t('颗粒饱满，适合抓饭、燕麦和蛋糕。', 'Крупный и мягкий — в плов, кашу и кексы.', 'Plump and soft; for pilaf, porridge and cakes.'), hs: '0806', hsCode: '0806200000', cny: 32, grams: 500, pack: unit.pack },
    { name: t('核桃仁', 'Грецкий орех очищенный', 'Walnut kernels'), note: t('新季果仁，香脆不苦。', 'Ядра нового урожая, хрустящие и без горечи.', 'New-crop kernels, crisp and never bitter.'), hs: '0802', hsCode: '0802320000', cny: 58, grams: 500, pack: unit.pack },
  ],
  jam: [
    { name: t('樱桃果酱', 'Вишнёвое варенье', 'Cherry jam'), note: t('整颗果粒，配茶或酸奶。', 'С целыми ягодами — к чаю и йогурту.', 'With whole fruit; for tea or yogurt.'), hs: '2007', hsCode: '2007999000', cny: 36, grams: 450, pack: unit.jar },
    { name: t('草莓果酱', 'Клубничный джем', 'Strawberry jam'), note: t('少糖慢熬，果香浓郁。', 'Мало сахара, долгое томление, яркий вкус ягод.', 'Little sugar, slow-cooked, full of fruit.'), hs: '2007', hsCode: '2007999000', cny: 32, grams: 450, pack: unit.jar },
    { name: t('无花果酱', 'Инжирное варенье', 'Fig preserve'), note: t('配奶酪和面包都很好。', 'Прекрасно с сыром и хлебом.', 'Wonderful with cheese and bread.'), hs: '2007', hsCode: '2007999000', cny: 42, grams: 350, pack: unit.jar },
  ],
  dairy: [
    { name: t('奶酪', 'Сыр', 'Cheese'), note: t('熟成奶酪，切片即食。', 'Выдержанный сыр, нарежьте и подавайте.', 'An aged cheese; slice and serve.'), hs: '0406', hsCode: '0406900000', cny: 68, grams: 300, pack: unit.vacuum },
    { name: t('奶粉', 'Сухое молоко', 'Milk powder'), note: t('冲调方便，奶香浓郁。', 'Легко разводится, насыщенный молочный вкус.', 'Mixes easily, full of milky flavour.'), hs: '0402', hsCode: '0402210000', cny: 95, grams: 800, pack: unit.tin },
    { name: t('奶干', 'Сушёный творог', 'Dried curds'), note: t('牧区传统零食，耐嚼微酸。', 'Традиционное лакомство скотоводов, твёрдое и кисловатое.', 'A herders’ snack, chewy and slightly sour.'), hs: '0406', hsCode: '0406900000', cny: 28, grams: 200, pack: unit.pack },
  ],
  sweets: [
    { name: t('巧克力糖', 'Шоколадные конфеты', 'Chocolate sweets'), note: t('礼盒包装，适合送人。', 'В подарочной коробке.', 'In a gift box, ready to give.'), hs: '1806', hsCode: '1806900000', cny: 55, grams: 300, pack: unit.giftBox },
    { name: t('芝麻糖', 'Кунжутная халва', 'Sesame halva'), note: t('酥松入口即化。', 'Слоистая, тает во рту.', 'Flaky and melting.'), hs: '1704', hsCode: '1704900000', cny: 26, grams: 400, pack: unit.box },
    { name: t('果仁软糖', 'Лукум с орехами', 'Nut jelly sweets'), note: t('软糯有嚼劲，配茶最好。', 'Мягкий и тягучий, лучше всего к чаю.', 'Soft and chewy; best with tea.'), hs: '1704', hsCode: '1704900000', cny: 38, grams: 400, pack: unit.box },
  ],
  tea: [
    { name: t('红茶', 'Чёрный чай', 'Black tea'), note: t('浓郁醇厚，可加奶。', 'Крепкий и насыщенный, можно с молоком.', 'Strong and full; takes milk well.'), hs: '0902', hsCode: '0902309000', cny: 48, grams: 250, pack: unit.pack },
    { name: t('山地草本茶', 'Горный травяной чай', 'Mountain herbal tea'), note: t('不含咖啡因，晚上也能喝。', 'Без кофеина, можно пить вечером.', 'Caffeine-free, fine in the evening.'), hs: '1211', hsCode: '1211909999', cny: 35, grams: 100, pack: unit.pack },
    { name: t('玫瑰果茶', 'Чай из шиповника', 'Rose hip tea'), note: t('酸甜清香，富含维生素C。', 'Кисло-сладкий, богат витамином C.', 'Tart-sweet and rich in vitamin C.'), hs: '0813', hsCode: '0813409000', cny: 30, grams: 150, pack: unit.pack },
  ],
  drinks: [
    { name: t('沙棘汁', 'Облепиховый сок', 'Sea buckthorn juice'), note: t('兑水饮用，酸爽开胃。', 'Разбавьте водой — бодрит.', 'Dilute with water; bracing and tart.'), hs: '2009', hsCode: '2009899000', cny: 32, grams: 1000, pack: unit.bottle },
    { name: t('矿泉水', 'Минеральная вода', 'Mineral water'), note: t('天然含气，口感清冽。', 'Природная газация, чистый вкус.', 'Naturally sparkling, clean taste.'), hs: '2201', hsCode: '2201101000', cny: 12, grams: 500, pack: unit.bottle },
    { name: t('石榴汁', 'Гранатовый сок', 'Pomegranate juice'), note: t('100%鲜榨，不加糖。', '100% прямого отжима, без сахара.', '100% pressed, no added sugar.'), hs: '2009', hsCode: '2009899000', cny: 36, grams: 1000, pack: unit.bottle },
  ],
  oils: [
    { name: t('葵花籽油', 'Подсолнечное масло', 'Sunflower oil'), note: t('冷榨未精炼，带葵花籽香。', 'Нерафинированное холодного отжима, пахнет семечками.', 'Unrefined, cold-pressed, smells of sunflower seeds.'), hs: '1512', hsCode: '1512110000', cny: 32, grams: 1000, pack: unit.bottle },
    { name: t('亚麻籽油', 'Льняное масло', 'Linseed oil'), note: t('适合凉拌，开封后冷藏。', 'Для салатов; после вскрытия храните в холоде.', 'For dressings; refrigerate once opened.'), hs: '1515', hsCode: '1515110000', cny: 45, grams: 500, pack: unit.bottle },
    { name: t('核桃油', 'Масло грецкого ореха', 'Walnut oil'), note: t('坚果香浓，适合拌沙拉。', 'Ореховый вкус, для салатов.', 'Nutty; for salads.'), hs: '1515', hsCode: '1515909000', cny: 78, grams: 250, pack: unit.bottle },
  ],
  grains: [
    { name: t('荞麦米', 'Гречневая крупа', 'Buckwheat groats'), note: t('煮后松散，带坚果香。', 'Рассыпчатая, с ореховым вкусом.', 'Cooks fluffy and nutty.'), hs: '1008', hsCode: '1008100000', cny: 18, grams: 900, pack: unit.pack },
    { name: t('长粒大米', 'Рис длиннозёрный', 'Long-grain rice'), note: t('粒粒分明，适合抓饭。', 'Не слипается — для плова.', 'Stays separate; made for pilaf.'), hs: '1006', hsCode: '1006301000', cny: 38, grams: 2000, pack: unit.pack },
    { name: t('全麦面粉', 'Мука цельнозерновая', 'Wholemeal flour'), note: t('石磨研磨，做馕和面包。', 'Жерновой помол, для лепёшек и хлеба.', 'Stone-milled, for flatbread and loaves.'), hs: '1101', hsCode: '1101000000', cny: 22, grams: 2000, pack: unit.pack },
  ],
  spices: [
    { name: t('孜然', 'Зира', 'Cumin'), note: t('烤肉和抓饭必备。', 'Обязательна для шашлыка и плова.', 'Essential for kebabs and pilaf.'), hs: '0909', hsCode: '0909310000', cny: 22, grams: 200, pack: unit.pack },
    { name: t('红辣椒粉', 'Красный перец молотый', 'Ground red pepper'), note: t('色红味香，辣度适中。', 'Яркий цвет, умеренная острота.', 'Bright colour, moderate heat.'), hs: '0904', hsCode: '0904220000', cny: 18, grams: 150, pack: unit.pack },
    { name: t('香料混合', 'Смесь пряностей', 'Spice blend'), note: t('按当地家常方子配制。', 'По местному домашнему рецепту.', 'Mixed to a local home recipe.'), hs: '0910', hsCode: '0910910000', cny: 26, grams: 150, pack: unit.jar },
  ],
  meat: [
    { name: t('风干牛肉', 'Вяленая говядина', 'Air-dried beef'), note: t('切片即食，可做汤。', 'Нарезать и подавать или варить суп.', 'Slice and eat, or simmer in soup.'), hs: '0210', hsCode: '0210200000', cny: 98, grams: 250, pack: unit.vacuum },
    { name: t('熏香肠', 'Колбаса копчёная', 'Smoked sausage'), note: t('传统烟熏，香味浓郁。', 'Традиционное копчение, насыщенный вкус.', 'Traditionally smoked, full-flavoured.'), hs: '1601', hsCode: '1601001000', cny: 85, grams: 400, pack: unit.vacuum },
    { name: t('羊肉肠', 'Колбаса из баранины', 'Lamb sausage'), note: t('加香料制成，煎烤皆宜。', 'С пряностями, для жарки и гриля.', 'Spiced; pan-fry or grill.'), hs: '1601', hsCode: '1601001000', cny: 92, grams: 400, pack: unit.vacuum },
  ],
  crafts: [
    { name: t('手工毡制品', 'Изделие из войлока', 'Felt craft'), note: t('羊毛手工擀制，每件都不一样。', 'Валяно вручную из шерсти, каждое изделие своё.', 'Hand-felted wool; no two alike.'), hsCode: '6307909000', cny: 260, grams: 600, pack: piece },
    { name: t('手绘陶盘', 'Расписное керамическое блюдо', 'Hand-painted ceramic plate'), note: t('传统纹样，可挂可用。', 'Традиционный узор — на стену или на стол.', 'Traditional pattern, for the wall or the table.'), hsCode: '6912001000', cny: 220, grams: 900, pack: piece },
    { name: t('刺绣靠垫套', 'Вышитая наволочка', 'Embroidered cushion cover'), note: t('手工刺绣，棉质面料。', 'Ручная вышивка по хлопку.', 'Hand-embroidered on cotton.'), hsCode: '6304920000', cny: 180, grams: 300, pack: piece },
  ],
};

/** Series names that make synthetic listings read like a range rather than copies. Noun phrases, so Russian needs no agreement. */
export const SYNTHETIC_LINES: readonly Localized[] = [
  t('高山精选', 'серия «Горная»', 'Highland selection'),
  t('家庭配方', 'семейный рецепт', 'Family recipe'),
  t('当季新货', 'урожай сезона', 'New season'),
  t('经典款', 'классика', 'Classic'),
  t('农场直供', 'прямо с фермы', 'Farm direct'),
  t('小批量', 'малая партия', 'Small batch'),
  t('节日礼装', 'праздничный выпуск', 'Festive edition'),
];
