/** TeX shown as written: while KaTeX loads, or with KaTeX's complaint as its tooltip when it does not parse. */
export function MathSource({ tex, problem }: { tex: string; problem?: string }) {
  return (
    <code className="md-math-source" title={problem}>
      {tex}
    </code>
  );
}
