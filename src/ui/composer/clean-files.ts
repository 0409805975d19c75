/**
 * Files the visitor picks, drops or pastes, renamed without invisible characters (protocol/file-name.ts)
 * before the store sees them: the chip, a refusal notice and the upload all carry the name as it really
 * reads, so `invoice\u202Efdp.exe` can neither be shown as `invoiceexe.pdf` nor sent under that guise.
 * The bytes are not copied: a File built from a File refers to the same data.
 */
import { cleanFileName } from '../../protocol/file-name';

export function withCleanNames(files: Iterable<File>): File[] {
  return Array.from(files, (file) => {
    const name = cleanFileName(file.name);
    return name === file.name
      ? file
      : new File([file], name, { type: file.type, lastModified: file.lastModified });
  });
}
