/**
 * The header's search box (components/SearchBox.astro) is a plain GET form to the search page. This
 * is all of it that every page loads: the suggestions, and Pagefind with them, are fetched the first
 * time the shopper focuses the box (suggest.ts), so a page that is only read loads none of it.
 */
for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-box]')) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) continue;
  input.addEventListener(
    'focus',
    () => {
      void import('./suggest.js').then(({ attachSuggestions }) => attachSuggestions(form, input)).catch(() => {
        // Without suggestions the box is still a form that submits to the search page.
      });
    },
    { once: true },
  );
}
