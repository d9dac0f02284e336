import { describe, expect, it } from 'vitest';
import { contrastRatio, safeColor, textColorOn } from '../../site/src/features/pavilion-colors.js';

describe('pavilion colours on the site', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777', '#777')).toBeCloseTo(1, 5);
  });

  it('lays readable text on any flag colour (WCAG AA, 4.5:1)', () => {
    for (const background of ['#C8102E', '#0039A6', '#00AFCA', '#FEC50C', '#FFEF00', '#1EB53A', '#000000', '#ffffff']) {
      expect(contrastRatio(background, textColorOn(background))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('falls back to the brand colour when a pavilion colour is not a hex colour', () => {
    expect(safeColor('red; background:url(x)', '#0b4f6c')).toBe('#0b4f6c');
    expect(safeColor(' #0039A6 ', '#0b4f6c')).toBe('#0039A6');
  });
});
