import { createContext, useContext } from 'react';
import { SharedFormulaLimits } from './sharedFormulaLimits';

export interface MarkdownContextValue {
  /** Opens a checked http/https/mailto URL outside the app. Stable for the life of the component. */
  openLink: (url: string) => void;
  /** The answer's cut paragraphs' shared formula limits. */
  formulaLimits: SharedFormulaLimits;
}

export const MarkdownContext = createContext<MarkdownContextValue>({ openLink: () => undefined, formulaLimits: new SharedFormulaLimits() });

export const useMarkdownContext = (): MarkdownContextValue => useContext(MarkdownContext);

/** True inside the block that is still streaming: diagrams wait until it is complete. */
export const OpenBlockContext = createContext(false);
