/** A files part: an optional title, then each file as a preview or a chip. */
import type { FileRef } from '../../../protocol/model';
import { Bubble } from './bubble';
import { FileItem } from './file-item';

export interface PartFilesProps {
  title?: string | undefined;
  files: FileRef[];
  /** Names the sender in image alt text when the file has no name. */
  sender: string;
}

export function PartFiles({ title, files, sender }: PartFilesProps) {
  if (!files.length && !title) return null;
  return (
    <div class="cc-files">
      {title && (
        <Bubble>
          <p class="cc-plain">{title}</p>
        </Bubble>
      )}
      <ul class="cc-file-list">
        {files.map((file, i) => (
          <li key={i}>
            <FileItem file={file} sender={sender} />
          </li>
        ))}
      </ul>
    </div>
  );
}
