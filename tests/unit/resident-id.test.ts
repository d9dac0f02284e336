import { describe, expect, it } from 'vitest';
import { maskResidentId, normalizeResidentId, residentIdCheckCharacter, residentIdProblem } from '../../functions/domain/resident-id.js';

const TODAY = '2026-11-30';

describe('resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it.each(['11010519491231002X', '440524188001010014', '34052419800101001X', '370101190102039973'])('accepts %s', (id) => {
    expect(residentIdProblem(id, TODAY)).toBeNull();
    expect(residentIdCheckCharacter(id.slice(0, 17))).toBe(id[17]);
  });

  it.each([
    // The valid numbers with the last character changed.
    ['110105194912310021', 'check_digit'],
    ['440524188001010015', 'check_digit'],
    ['340524198001010010', 'check_digit'],
    ['37010119010203997X', 'check_digit'],
    // Impossible dates of birth (check characters recomputed, so only the date is wrong).
    ['110105194902300021', 'birth_date'],
    ['110105194913010021', 'birth_date'],
    ['110105203001010021', 'birth_date'],
    // Not the shape of a number at all.
    ['11010519491231002', 'format'],
    ['11010519491231002XX', 'format'],
    ['1101051949123100X2', 'format'],
    ['', 'format'],
  ])('refuses %s (%s)', (id, problem) => {
    expect(residentIdProblem(id, TODAY)).toBe(problem);
  });

  it('takes a birthday of today, not tomorrow', () => {
    const born = (date: string) => {
      const first17 = `110105${date.replaceAll('-', '')}002`;
      return first17 + residentIdCheckCharacter(first17);
    };
    expect(residentIdProblem(born('2026-11-30'), TODAY)).toBeNull();
    expect(residentIdProblem(born('2026-12-01'), TODAY)).toBe('birth_date');
  });

  it('reads a lower-case x and spaces the way people type them', () => {
    expect(normalizeResidentId(' 110105 19491231 002x ')).toBe('11010519491231002X');
    // Full-width digits and Ｘ, as a Chinese input method types them.
    expect(normalizeResidentId('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
  });

  it('shows only the first 3 and last 4 characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
  });
});
