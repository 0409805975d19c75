/**
 * The one rule for file names that cross the widget, in either direction: invisible characters are removed
 * before a name is checked, shown or sent. A right-to-left override makes `invoice\u202Efdp.exe` read as
 * `invoiceexe.pdf`; a zero-width space hides `.e\u200Bxe` from an extension check. Without them the name
 * reads as what it is, and a check of its extension sees the extension the receiving system will use.
 */

/**
 * Every format character (Unicode Cf: the bidi marks U+200E/U+200F/U+061C, embeddings and overrides
 * U+202A–U+202E, isolates U+2066–U+2069, the zero-width characters U+200B–U+200D, U+2060–U+2064 and U+FEFF,
 * the soft hyphen, tag characters), every control character (Cc) and the line and paragraph separators:
 * a line break in a name can forge a second line in a notice.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** `name` without invisible characters. May be empty when nothing visible was left. */
export function cleanFileName(name: string): string {
  return name.replace(INVISIBLE, '');
}
