// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderMath } from '../../../../renderer/features/markdown/mathRenderer';

describe('typeset math', () => {
  it('is reused when the same formula shows again, and kept apart by mode', () => {
    const inline = renderMath('\\frac{a}{b}', false);
    expect(renderMath('\\frac{a}{b}', false)).toBe(inline);
    const display = renderMath('\\frac{a}{b}', true);
    expect(display).not.toBe(inline);
    const { container } = render(<>{display}{inline}</>);
    expect(container.querySelector('.md-math-display annotation')?.textContent).toBe('\\frac{a}{b}');
    expect(container.querySelector('.md-math-inline annotation')?.textContent).toBe('\\frac{a}{b}');
  });
});
