import { api } from './api.js';
import { $ } from './dom.js';
import type { Page } from './api-types.js';
import { fail } from './workspace.js';

/**
 * The rows of a workspace table (PagedTable.astro) as the pavilion API hands them out, a page at
 * a time (`?limit=…&cursor=…` answers {items, nextCursor}). load(true) starts again from the first
 * page (another tab), load(false) appends the next one (Load more); `render` then redraws the rows.
 */
export function pagedList<T>(options: { path: string; limit: number; filter: () => Record<string, string>; render: () => void }) {
  const more = $<HTMLButtonElement>('[data-more]');
  let items: T[] = [];
  let cursor: string | null = null;

  async function load(reset: boolean): Promise<void> {
    if (reset) {
      items = [];
      cursor = null;
    }
    const filter = Object.fromEntries(Object.entries(options.filter()).filter(([, value]) => value !== ''));
    const query = new URLSearchParams({ limit: String(options.limit), ...filter, ...(cursor ? { cursor } : {}) });
    try {
      const page = await api<Page<T>>(`${options.path}?${query}`);
      items = [...items, ...page.items];
      cursor = page.nextCursor;
      more.hidden = cursor === null;
      options.render();
    } catch (error) {
      await fail(error);
    }
  }

  more.addEventListener('click', () => void load(false));
  return {
    get items(): readonly T[] {
      return items;
    },
    load,
    /** Puts an item the API changed (stock, shipment) in place of its old self. */
    replace(updated: T, isSame: (item: T) => boolean): void {
      items = items.map((item) => (isSame(item) ? updated : item));
    },
  };
}

/** The table's tabs: pressing one un-presses the others and hands over its data-tab value. */
export function wireTabs(select: (value: string) => void): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[data-tabs] button')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => {
      for (const other of tabs) other.setAttribute('aria-pressed', String(other === tab));
      select(tab.dataset.tab ?? '');
    });
  }
}
