import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What blocks or seriously hinders someone using a screen reader, the keyboard or magnification. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (every rule it ships, WCAG 2.x A/AA and best practices) on the page as it is now,
 * and fails with each serious or critical violation, where it is and how to fix it.
 * Moderate and minor findings are not held against the page here.
 */
export async function expectNoSeriousA11yViolations(page: Page, what = page.url()): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
    }));
  expect(blocking, `axe on ${what}`).toEqual([]);
}
