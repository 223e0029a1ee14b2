import { useState, type DragEvent } from 'react';
import { carriesFiles } from '../transfer/droppedFiles';

/**
 * Files dropped on the element attach to the message. The events stop here, so the window's
 * own drop handling (import, see useFileDrop) never sees a drop meant for the composer.
 */
export function useFileDropTarget(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  const claim = (event: DragEvent): boolean => {
    if (!carriesFiles(event.dataTransfer)) return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  };
  const dropHandlers = {
    onDragEnter: (event: DragEvent) => {
      if (claim(event)) setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (claim(event)) event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      // Moving onto a child leaves the parent; only leaving the element itself counts.
      if (claim(event) && !event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!claim(event)) return;
      setDragging(false);
      onFiles([...event.dataTransfer.files]);
    },
  };
  return { dragging, dropHandlers };
}
