import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import type { DiagramImage } from './mermaidImage';
import { renderMermaidImage } from './mermaidImage';

interface MermaidDiagramProps {
  source: string;
  /** Shown while the diagram renders and instead of it when Mermaid cannot parse the source. */
  fallback: ReactNode;
}

type Diagram = { source: string } & ({ image: DiagramImage } | { error: string });

/** A complete ```mermaid block as a picture; the source stays one click away and takes over on error. */
export default function MermaidDiagram({ source, fallback }: MermaidDiagramProps) {
  const [diagram, setDiagram] = useState<Diagram | null>(null);

  useEffect(() => {
    let current = true;
    renderMermaidImage(source).then(
      (image) => current && setDiagram({ source, image }),
      (error: unknown) => current && setDiagram({ source, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [source]);

  if (diagram?.source !== source) return fallback;
  if ('error' in diagram) {
    return (
      <>
        {fallback}
        <p className="md-diagram-error">Diagram could not be drawn: {diagram.error}</p>
      </>
    );
  }
  return (
    <div className="md-diagram">
      <img src={diagram.image.url} width={diagram.image.width} height={diagram.image.height} alt="Mermaid diagram" />
      <details>
        <summary>Diagram source</summary>
        {fallback}
      </details>
    </div>
  );
}
