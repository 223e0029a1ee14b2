/**
 * Formulas typeset per block at most; past it, TeX shows as written. A paragraph of thousands of
 * `$x$` took seconds to first paint, each one KaTeX's dozens of elements; real answers stay far below.
 */
export const MATH_PER_BLOCK = 300;

/** The tooltip of a formula shown as written for that reason. */
export const AS_WRITTEN = `Shown as written: this part of the answer has more than ${MATH_PER_BLOCK} formulas.`;
