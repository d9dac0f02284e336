import type { Category } from '../../../../functions/domain/catalogue.js';
import { butterBlock, cherries, dairyTin, driedHeap, grainSack, milkAndCheese, sausageBoard, wholeFruit } from './fresh.js';
import { drinkBottle, honeyJar, jamJar, oilBottle } from './pantry.js';
import type { ArtPalette } from './shapes.js';
import { chocolateBar, foldedCloth, giftBox, patternPlate, saffronVial, saltLamp, spiceBowls, sweetTray, teaSet, textile } from './treats.js';

/** A drawing and the colour of the goods in it, picked by words in the English title. */
export interface Drawing {
  readonly fill: string;
  readonly draw: (p: ArtPalette) => string;
}

type Rule = readonly [RegExp, string, ((p: ArtPalette) => string)?];

function pick(title: string, rules: readonly Rule[], fallback: Drawing): Drawing {
  const text = title.toLowerCase();
  for (const [pattern, fill, draw] of rules) if (pattern.test(text)) return { fill, draw: draw ?? fallback.draw };
  return fallback;
}

const heapOf = (piece: Parameters<typeof driedHeap>[1]) => (p: ArtPalette) => driedHeap(p, piece);

export function drawingFor(category: Category, title: string): Drawing {
  switch (category) {
    case 'honey':
      return pick(title, [[/white/, '#ead9a6'], [/linden/, '#f0d36e'], [/sainfoin|esparcet/, '#ecc255'], [/buckwheat/, '#8a4a1c'], [/mountain|wildflower/, '#d98a1e']], { fill: '#e6a125', draw: honeyJar });
    case 'fruit':
      return pick(
        title,
        [
          [/fresh.*cherr|sweet cherr/, '#b3122e', cherries],
          [/cherr/, '#7f1426', heapOf('oval')],
          [/apple|aport/, '#cf3b2f', (p) => wholeFruit(p, 'apple')],
          [/lemon/, '#f2cf3b', (p) => wholeFruit(p, 'lemon')],
          [/mango/, '#f4a52a', (p) => wholeFruit(p, 'mango')],
          [/green raisin/, '#9aa84a', heapOf('oval')],
          [/raisin/, '#c99436', heapOf('oval')],
          [/malatya|whole dried apricot/, '#c9803a', heapOf('round')],
          [/apricot/, '#f0952a', heapOf('round')],
          [/date/, '#6e3a1f', heapOf('long')],
          [/mulberr/, '#e6d7a8', heapOf('oval')],
          [/melon/, '#f0c25a', heapOf('long')],
          [/pistachio/, '#b9c46c', heapOf('round')],
          [/hazelnut/, '#8a5530', heapOf('round')],
          [/in shell/, '#8a5a36', heapOf('long')],
          [/pine nut/, '#e3c99a', heapOf('long')],
          [/walnut/, '#b98a52', heapOf('round')],
        ],
        { fill: '#f0952a', draw: heapOf('round') },
      );
    case 'jam':
      return pick(title, [[/apricot/, '#ef8a1f'], [/buckthorn/, '#f5861f'], [/walnut/, '#3b2416'], [/cranberr/, '#b01e35'], [/mango/, '#f5a623'], [/cherr/, '#8e1030'], [/strawberr/, '#d7263d'], [/fig/, '#6b2d4a']], { fill: '#c0392b', draw: jamJar });
    case 'dairy':
      return pick(
        title,
        [
          [/kurut|aaruul|curd/, '#f1e7d2', heapOf('ball')],
          [/powder|shubat|koumiss|condensed|milk/, '#f5efe2', dairyTin],
          [/butter|ghee/, '#f3d36b', butterBlock],
        ],
        { fill: '#f2c24a', draw: milkAndCheese },
      );
    case 'sweets':
      return pick(
        title,
        [
          [/chocolate(?!s)/, '#5a3220', chocolateBar],
          [/baklava|sohan/, '#d99a3e', sweetTray],
          [/lokum|zefir/, '#f2b5c4', sweetTray],
          [/halva|halawa|gaz|nougat|pastila/, '#eadcc0', sweetTray],
          [/navat|sugar/, '#f0c060', sweetTray],
        ],
        { fill: '#d2452f', draw: giftBox },
      );
    case 'tea':
      return pick(title, [[/hibiscus/, '#a3162f'], [/ivan|fireweed/, '#b0662a'], [/herbal|rose hip/, '#d8702a'], [/milk tea|suutei/, '#d9b48a'], [/darjeeling|flush/, '#c98a2a']], { fill: '#9a3f1a', draw: teaSet });
    case 'drinks':
      return pick(title, [[/birch/, '#e6ecd2'], [/buckthorn/, '#f28a1f'], [/water/, '#cfe6f2'], [/pomegranate/, '#9c1b33']], { fill: '#e07b39', draw: drinkBottle });
    case 'oils':
      return pick(title, [[/olive/, '#b5b03a', (p) => oilBottle(p, 'olive')], [/pine/, '#e0b84a', (p) => oilBottle(p, 'pine')], [/sunflower/, '#f0c33a']], { fill: '#d8aa3c', draw: (p) => oilBottle(p, 'seed') });
    case 'grains':
      return pick(title, [[/flour/, '#f7f1e3', (p) => grainSack(p, true)], [/rice|basmati/, '#f4efe2'], [/buckwheat/, '#8a5a34']], { fill: '#d8b468', draw: (p) => grainSack(p, false) });
    case 'spices':
      return pick(
        title,
        [[/saffron/, '#b3121f', saffronVial], [/salt/, '#f0b3aa'], [/cumin/, '#8a6a3a'], [/black pepper/, '#3d2c24'], [/red pepper|chilli/, '#c0392b'], [/barberr/, '#b0202e'], [/plov|blend|dukkah/, '#c8842a']],
        { fill: '#c8642a', draw: spiceBowls },
      );
    case 'meat':
      return pick(title, [[/borts|air-dried|dried beef/, '#7a2a1c', (p) => sausageBoard(p, true)]], { fill: '#8a3324', draw: (p) => sausageBoard(p, false) });
    case 'crafts':
      return pick(
        title,
        [
          [/plate|bowl|ceramic|enamel/, '#ffffff', patternPlate],
          [/lamp/, '#f3a98a', saltLamp],
          [/cashmere/, '#b89272', foldedCloth],
          [/towel/, '#f3ede2', foldedCloth],
          [/linen|tablecloth/, '#e6dac2', foldedCloth],
          [/scarf|stole|runner/, '#f1dfc2', foldedCloth],
        ],
        { fill: '#e9d8b8', draw: textile },
      );
  }
}
