import { describe, expect, it } from 'vitest';
import { formatCost, usageCost } from '../../../shared/cost';

describe('cost', () => {
  it('prices input and output tokens separately, per million', () => {
    const usage = { promptTokens: 2_000, completionTokens: 500, totalTokens: 2_500 };
    expect(usageCost(usage, { input: 0.65, output: 3.41 })).toBeCloseTo(0.0013 + 0.001705, 10);
  });

  it('is unknown without a price or without usage', () => {
    expect(usageCost({ promptTokens: 1, completionTokens: 1, totalTokens: 2 }, null)).toBeNull();
    expect(usageCost(null, { input: 1, output: 1 })).toBeNull();
  });

  it('shows small amounts with two significant digits and large ones in cents', () => {
    expect(formatCost(0.003005)).toBe('$0.003');
    expect(formatCost(0.0042)).toBe('$0.0042');
    expect(formatCost(0.5)).toBe('$0.50');
    expect(formatCost(1.266)).toBe('$1.27');
    expect(formatCost(0)).toBe('$0');
  });
});
