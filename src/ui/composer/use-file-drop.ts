/**
 * Drag-and-drop of files onto the whole panel. Counts enter/leave pairs (child elements fire their own), and
 * reacts only to drags that carry files, so dragging text inside the page is left alone.
 */
import type { TargetedDragEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';

function carriesFiles(event: DragEvent): boolean {
  const types = event.dataTransfer?.types;
  return !!types && Array.from(types).includes('Files');
}

type DragHandler = (event: TargetedDragEvent<HTMLDivElement>) => void;

export interface FileDrop {
  active: boolean;
  handlers: Partial<Record<'onDragEnter' | 'onDragOver' | 'onDragLeave' | 'onDrop', DragHandler>>;
}

export interface DropTarget {
  /** A drag carrying files came in: the files may follow. */
  prepare(): void;
  attach(files: File[]): void;
}

export function useFileDrop(target: DropTarget | undefined): FileDrop {
  const [active, setActive] = useState(false);
  const depth = useRef(0);
  if (!target) return { active: false, handlers: {} };
  const reset = () => {
    depth.current = 0;
    setActive(false);
  };
  return {
    active,
    handlers: {
      onDragEnter(event) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        if (depth.current === 0) target.prepare();
        depth.current += 1;
        setActive(true);
      },
      onDragOver(event) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave(event) {
        if (!carriesFiles(event)) return;
        depth.current -= 1;
        if (depth.current <= 0) reset();
      },
      onDrop(event) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        reset();
        const files = Array.from(event.dataTransfer?.files ?? []);
        if (files.length) target.attach(files);
      },
    },
  };
}
