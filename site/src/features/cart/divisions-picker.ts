import { cityChoices, districtChoices, provinceChoices, type Choice, type DivisionRows } from './divisions.js';

/**
 * The three dependent lists of the recipient's address. The rows come in with a dynamic import, so
 * the build puts them in a chunk of their own that only the cart page fetches, after its first paint.
 * Until they arrive (or if they cannot), the lists stay disabled and say so.
 */
export interface DivisionSelects {
  readonly province: HTMLSelectElement;
  readonly city: HTMLSelectElement;
  readonly district: HTMLSelectElement;
}

export interface DivisionCodes {
  readonly province: string;
  readonly city: string;
  readonly district: string;
}

export interface DivisionsPicker {
  /** Settles once the lists are filled: true, or false when the rows could not be loaded. */
  readonly ready: Promise<boolean>;
  /** Chooses a remembered path, as far down as it still exists. */
  choose(codes: DivisionCodes): void;
}

const loadRows = async (): Promise<DivisionRows> => (await import('../../../../functions/domain/data/china-divisions.js')).CHINA_DIVISIONS;

export function divisionsPicker(selects: DivisionSelects, texts: { readonly choose: string; readonly loading: string }): DivisionsPicker {
  let rows: DivisionRows = [];

  const fill = (select: HTMLSelectElement, choices: readonly Choice[], placeholder: string) => {
    const blank = new Option(placeholder, '');
    select.replaceChildren(blank, ...choices.map(({ code, name }) => new Option(name, code)));
    select.disabled = choices.length === 0;
    // A municipality has one city level (北京市 under 北京市): choose it for the shopper.
    if (choices.length === 1) select.value = choices[0]?.code ?? '';
  };

  const fillDistricts = () => fill(selects.district, districtChoices(rows, selects.province.value, selects.city.value), texts.choose);
  const fillCities = () => {
    fill(selects.city, cityChoices(rows, selects.province.value), texts.choose);
    fillDistricts();
  };

  for (const select of Object.values(selects)) fill(select, [], texts.loading);
  selects.province.addEventListener('change', fillCities);
  selects.city.addEventListener('change', fillDistricts);

  const ready = loadRows().then(
    (loaded) => {
      rows = loaded;
      fill(selects.province, provinceChoices(rows), texts.choose);
      fillCities();
      return true;
    },
    () => false,
  );

  return {
    ready,
    choose(codes) {
      selects.province.value = codes.province;
      if (selects.province.value !== codes.province) return;
      fillCities();
      selects.city.value = codes.city;
      if (selects.city.value !== codes.city) return;
      fillDistricts();
      selects.district.value = codes.district;
    },
  };
}
