import { useEffect, useState } from 'react';
import { carriesFiles, filesFromDrop } from './droppedFiles';
import type { PickedFile } from './importSource';

/**
 * Files or folders dropped anywhere on the window go to `onDrop` (as a promise: folders
 * take a moment to walk). Returns whether files are being dragged over the window now.
 * Drags without files (a text selection, a link) are left to the page.
 */
export function useFileDrop(onDrop: (files: Promise<PickedFile[]>) => void): boolean {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // Entering a child fires before leaving its parent: count, rather than toggle.
    let depth = 0;
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth += 1;
      setDragging(true);
    };
    const onDragOver = (event: DragEvent) => {
      if (!event.dataTransfer || !carriesFiles(event.dataTransfer)) return;
      // Without this the drop is refused, and the browser would open the file in place of the app.
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDropEvent = (event: DragEvent) => {
      if (!event.dataTransfer || !carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      onDrop(filesFromDrop(event.dataTransfer));
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDropEvent);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDropEvent);
    };
  }, [onDrop]);

  return dragging;
}
