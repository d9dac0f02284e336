import { translatorFor, type Texts } from '../cart/texts.js';
import { loadPagefind, type PagefindHit } from './pagefind.js';

/**
 * Suggestions under the header's search box: the first few products for what the shopper types,
 * and a link to all results on the search page. Loaded by search-box.ts on first focus, when it
 * starts loading Pagefind too, so the index is warm by the time the first word is typed.
 */
const SHOWN = 5;
const TYPING_PAUSE_MS = 200;

export function attachSuggestions(form: HTMLFormElement, input: HTMLInputElement): void {
  const panel = form.querySelector<HTMLElement>('[data-suggest]');
  const status = form.querySelector<HTMLElement>('[data-suggest-status]');
  if (!panel) return;
  const locale = document.documentElement.lang || 'zh-CN';
  const tr = translatorFor(JSON.parse(form.dataset.texts ?? '{}') as Texts, locale);
  let generation = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;

  loadPagefind().catch(() => {
    // Offline or mid-deploy: the form still submits to the search page, which says so.
  });

  const close = () => {
    panel.hidden = true;
  };

  const render = (q: string, hits: readonly PagefindHit[], total: number) => {
    const list = document.createElement('ul');
    for (const hit of hits) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.className = 'suggest-hit';
      link.href = hit.url;
      link.dataset.testid = 'suggestion';
      const image = document.createElement('img');
      image.src = hit.meta.image ?? '';
      image.alt = '';
      image.width = 44;
      image.height = 44;
      image.decoding = 'async';
      const text = document.createElement('span');
      text.className = 'suggest-text';
      const title = document.createElement('span');
      title.className = 'suggest-title';
      title.textContent = hit.meta.title ?? '';
      const pavilion = document.createElement('span');
      pavilion.className = 'suggest-pavilion';
      pavilion.textContent = `${hit.meta.flag ?? ''} ${hit.meta.pavilion ?? ''}`.trim();
      text.append(title, pavilion);
      link.append(image, text);
      item.append(link);
      list.append(item);
    }
    const all = document.createElement('a');
    all.className = 'suggest-all';
    all.href = `${form.action}?${new URLSearchParams({ q })}`;
    all.textContent = total > 0 ? `${tr('search.seeAll', { q })} (${total})` : tr('search.none');
    panel.replaceChildren(...(hits.length > 0 ? [list] : []), all);
    panel.hidden = false;
    if (status) status.textContent = total > 0 ? tr('search.results', { n: total }) : tr('search.none');
  };

  const update = async () => {
    const q = input.value.trim();
    const id = ++generation;
    if (!q) {
      close();
      return;
    }
    try {
      const pagefind = await loadPagefind();
      const response = await pagefind.search(q);
      const hits = await Promise.all(response.results.slice(0, SHOWN).map((result) => result.data()));
      if (id === generation && input.value.trim() === q) render(q, hits, response.results.length);
    } catch {
      if (id === generation) close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void update(), TYPING_PAUSE_MS);
  });
  input.addEventListener('focus', () => {
    if (panel.childElementCount > 0 && input.value.trim()) panel.hidden = false;
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  // Arrow keys walk from the box through the suggestions; Escape closes them and returns to the box.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      // Focus first: focusing the box reopens what it found, and Escape means closed.
      input.focus();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (panel.hidden) return;
    const stops = [input, ...panel.querySelectorAll<HTMLElement>('a')];
    const at = stops.indexOf(document.activeElement as HTMLElement);
    if (at === -1) return;
    event.preventDefault();
    stops[Math.min(stops.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]!.focus();
  });
  // Typed before this module arrived.
  if (input.value.trim()) void update();
}
