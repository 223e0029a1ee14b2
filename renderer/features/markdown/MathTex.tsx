import { useMemo } from 'react';
import { mathModule } from './lazyMath';
import { MathSource } from './MathSource';

interface MathTexProps {
  'data-tex'?: string;
  'data-display'?: string;
}

/** Math from `$…$` or `$$…$$`: its TeX source until KaTeX has loaded, then typeset. */
export function MathTex({ 'data-tex': tex = '', 'data-display': display }: MathTexProps) {
  const math = mathModule.use();
  const displayMode = display === 'block';
  return useMemo(() => {
    if (math) return math.renderMath(tex, displayMode);
    return displayMode ? <div className="md-math-display"><MathSource tex={tex} /></div> : <MathSource tex={tex} />;
  }, [math, tex, displayMode]);
}
