import { translatorFor, type Texts } from '../cart/texts.js';
import { FACETS, hasFilters, pagefindFilters, pagefindSort, readSearchQuery, searchQueryParams, type Facet, type SearchQuery } from './facets.js';
import { loadPagefind, type FilterCounts, type Pagefind, type PagefindResult } from './pagefind.js';
import { resultCard } from './results.js';

/**
 * The search page (/zh/search/?q=蜂蜜&pavilion=KG&sort=price-asc): reads the query from the address,
 * asks Pagefind, shows the results a page at a time, and counts what each filter would leave.
 * The form is a plain GET form; here it searches in place and keeps the address in step, so a
 * search can be shared or bookmarked.
 */
const PAGE = 24;
const TYPING_PAUSE_MS = 250;

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
if (form) start(form);

function start(form: HTMLFormElement): void {
  const locale = document.documentElement.lang || 'zh-CN';
  const texts = JSON.parse(document.querySelector('[data-search-texts]')?.textContent ?? '{}') as Texts;
  const tr = translatorFor(texts, locale);
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const list = form.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = form.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const clear = form.querySelector<HTMLButtonElement>('[data-search-clear]');
  const filtersBox = form.querySelector<HTMLDetailsElement>('[data-search-filters]');

  // Filters beside the results on a wide screen; folded above them on a phone.
  const wide = matchMedia('(min-width: 900px)');
  if (filtersBox && wide.matches) filtersBox.open = true;

  let generation = 0;
  /** Every product's filter values, loaded once: Pagefind counts only the filters it has loaded. */
  let allCounts: Promise<FilterCounts> | undefined;
  let results: readonly PagefindResult[] = [];
  let shown = 0;

  const show = (query: SearchQuery) => {
    input.value = query.q;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = query.filters[box.name as Facet]?.includes(box.value) ?? false;
    }
    const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]');
    if (sort) sort.value = query.sort;
  };
  const read = () => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
    return readSearchQuery(params);
  };

  const say = (text: string, state: string) => {
    status.textContent = text;
    form.dataset.state = state;
  };

  const showCounts = (byFacet: Partial<Record<Facet, Readonly<Record<string, number>>>>) => {
    for (const count of form.querySelectorAll<HTMLElement>('[data-count]')) {
      const [facet, value] = (count.dataset.count ?? '').split(':') as [Facet, string];
      const n = byFacet[facet]?.[value] ?? 0;
      count.textContent = String(n);
      count.closest('label')?.classList.toggle('empty', n === 0);
    }
  };

  /** A facet's counts ignore its own ticks (ticking Kyrgyzstan still shows how many Kazakh products there are). */
  const facetCounts = async (pagefind: Pagefind, query: SearchQuery, counts: FilterCounts) => {
    const byFacet: Partial<Record<Facet, Readonly<Record<string, number>>>> = {};
    for (const facet of FACETS) {
      if (query.filters[facet].length === 0) {
        byFacet[facet] = counts[facet] ?? {};
        continue;
      }
      const without = { ...query, filters: { ...query.filters, [facet]: [] } };
      const response = await pagefind.search(without.q || null, { filters: pagefindFilters(without) });
      byFacet[facet] = response.filters[facet] ?? {};
    }
    return byFacet;
  };

  const showMore = async (id: number) => {
    const next = results.slice(shown, shown + PAGE);
    const hits = await Promise.all(next.map((result) => result.data()));
    if (id !== generation) return;
    list.append(...hits.map((hit) => resultCard(hit, locale)));
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const run = async (query: SearchQuery) => {
    const id = ++generation;
    const params = searchQueryParams(query).toString();
    history.replaceState(null, '', params ? `?${params}` : location.pathname);
    if (clear) clear.hidden = !hasFilters(query);
    const asked = query.q !== '' || hasFilters(query);
    if (!asked) {
      results = [];
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      say(tr('search.prompt'), 'idle');
    } else {
      say(tr('search.loading'), 'loading');
    }
    try {
      const pagefind = await loadPagefind();
      allCounts ??= pagefind.filters();
      const all = await allCounts;
      if (!asked) {
        // Nothing asked yet: each filter shows how many products it holds in all.
        if (id === generation) showCounts(all);
        return;
      }
      const response = await pagefind.search(query.q || null, { filters: pagefindFilters(query), sort: pagefindSort(query.sort) });
      if (id !== generation) return;
      results = response.results;
      shown = 0;
      list.replaceChildren();
      await showMore(id);
      if (id !== generation) return;
      say(results.length > 0 ? tr('search.results', { n: results.length }) : tr('search.none'), results.length > 0 ? 'done' : 'empty');
      const counts = await facetCounts(pagefind, query, response.filters);
      if (id === generation) showCounts(counts);
    } catch {
      allCounts = undefined;
      if (id === generation) say(tr('search.failed'), 'failed');
    }
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(read()), TYPING_PAUSE_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) void run(read());
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void run(read());
  });
  more.addEventListener('click', () => void showMore(generation));
  clear?.addEventListener('click', () => {
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = false;
    void run(read());
    input.focus();
  });

  const query = readSearchQuery(new URLSearchParams(location.search));
  show(query);
  void run(query);
}
