/**
 * Shows only the cards of one category (or all, for ''), and marks the chip that is on.
 * An unknown category (a stale shared link) shows everything rather than an empty page.
 */
export function applyCategoryFilter(nav: HTMLElement, grid: HTMLElement, category: string): void {
  const chips = [...nav.querySelectorAll<HTMLElement>('[data-category]')];
  const known = chips.some((chip) => chip.dataset.category === category);
  const active = known ? category : '';
  for (const chip of chips) {
    if (chip.dataset.category === active) chip.setAttribute('aria-current', 'true');
    else chip.removeAttribute('aria-current');
  }
  for (const card of grid.querySelectorAll<HTMLElement>('[data-testid="product-card"]')) {
    card.hidden = active !== '' && card.dataset.category !== active;
  }
}
