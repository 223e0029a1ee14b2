/**
 * Formulas typeset per block at first; past it, TeX shows as written until "Show all formulas" is
 * pressed. A paragraph of thousands of `$x$` took seconds to first paint, each one KaTeX's dozens of
 * elements; real answers stay far below.
 */
export const MATH_PER_BLOCK = 300;

/** Formulas typeset per idle callback once all of a block's are asked for: a slice is no long task. */
export const FORMULAS_PER_IDLE = 50;

/** The tooltip of a formula shown as written for that reason. */
export const AS_WRITTEN = `Shown as written: this part of the answer has more than ${MATH_PER_BLOCK} formulas.`;
