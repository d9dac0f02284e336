import type { Localized } from './languages.js';

/**
 * The consumer notice (消费者告知书) a buyer accepts before a cross-border retail import
 * (商财发〔2018〕486号): the goods are for personal use and may not be resold, they meet their
 * origin country's standards, which may differ from China's, and they may carry no Chinese label.
 * We add what the buyer must know to pass customs: the limits, the tax, and that buyer and payer
 * are one person.
 *
 * The order keeps the version accepted and when. Change the text only together with a new version,
 * so every order still says which words its buyer agreed to.
 */
export const CONSUMER_NOTICE_VERSION = '2026-11-30';

export interface ConsumerNotice {
  readonly version: string;
  readonly title: Localized;
  readonly points: readonly Localized[];
}

export const CONSUMER_NOTICE: ConsumerNotice = {
  version: CONSUMER_NOTICE_VERSION,
  title: {
    zh: '跨境电子商务零售进口商品消费者告知书',
    ru: 'Уведомление покупателя о трансграничной розничной покупке',
    en: 'Consumer notice for cross-border retail imports',
  },
  points: [
    {
      zh: '您在本店购买的商品为跨境电子商务零售进口商品，直接购自境外，以个人物品方式入境。',
      ru: 'Товары этого магазина — трансграничный розничный импорт: они куплены за рубежом и ввозятся в Китай как личные вещи.',
      en: 'The goods sold here are cross-border retail imports: bought abroad and brought into China as personal articles.',
    },
    {
      zh: '商品符合原产地有关质量、安全、卫生、环保、标识等标准或技术规范要求，但可能与我国标准存在差异，您需自行承担相关风险。',
      ru: 'Товары соответствуют стандартам качества, безопасности, гигиены и маркировки страны происхождения, которые могут отличаться от китайских; связанный с этим риск несёт покупатель.',
      en: 'The goods meet the quality, safety, hygiene and labelling standards of their country of origin, which may differ from China’s; you bear the risk that comes with that.',
    },
    {
      zh: '商品可能没有中文标签，您可以在商品页面查看中文说明。',
      ru: 'На товарах может не быть этикетки на китайском языке; описание на китайском есть на странице товара.',
      en: 'The goods may carry no Chinese label; the product page describes them in Chinese.',
    },
    {
      zh: '所购商品仅限个人自用，不得再次销售。',
      ru: 'Покупка предназначена только для личного пользования и не может быть перепродана.',
      en: 'What you buy is for your own personal use and may not be resold.',
    },
    {
      zh: '单次交易限值为人民币5000元，个人年度交易限值为人民币26000元（按商品价格加运费计算）。限值以内关税税率为0%，进口环节增值税、消费税按法定应纳税额的70%征收，由本店代收代缴。',
      ru: 'Лимит одной покупки — 5 000 юаней, годовой лимит на одного покупателя — 26 000 юаней (стоимость товаров с доставкой). В пределах лимитов пошлина 0 %, а НДС и акциз взимаются в размере 70 % от установленных законом; магазин удерживает и уплачивает их за вас.',
      en: 'One order may carry at most CNY 5,000 and one buyer at most CNY 26,000 a year (goods plus freight). Within these limits the duty is 0% and import VAT and consumption tax are charged at 70% of the statutory amount; the store withholds and pays them for you.',
    },
    {
      zh: '订购人须提供真实姓名和居民身份证号码用于海关申报，且订购人须与支付人为同一人。',
      ru: 'Для таможенной декларации покупатель указывает своё настоящее имя и номер удостоверения личности гражданина КНР; покупатель и плательщик должны быть одним и тем же лицом.',
      en: 'For the customs declaration the buyer gives their real name and resident ID number, and the buyer and the payer must be the same person.',
    },
  ],
};
