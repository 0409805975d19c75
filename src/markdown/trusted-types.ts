/**
 * Trusted Types support. On a host page with `require-trusted-types-for 'script'`, both DOMPurify's own
 * parse (DOMParser.parseFromString) and the UI's `innerHTML` reject plain strings. DOMPurify would then
 * try to create a policy named `dompurify`, which a host's `trusted-types <names>` list rarely allows.
 * So the widget creates ONE policy under its own documented name, hands it to DOMPurify as
 * TRUSTED_TYPES_POLICY, and wraps sanitised output with it for the UI (`toTrustedHtml`).
 *
 * The policy object never leaves this module. Its createHTML passes strings through, so it is only ever
 * applied to (a) input that DOMPurify parses into an inert document and (b) our sanitised output.
 * createScriptURL exists only because DOMPurify insists on it; no allowed attribute needs one, so it refuses.
 * Hosts that enforce Trusted Types must list `trusted-types captivate-chat`.
 */
import type { Config, WindowLike } from 'dompurify';

export const TRUSTED_TYPES_POLICY_NAME = 'captivate-chat';

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
type PolicyFactory = NonNullable<WindowLike['trustedTypes']>;
export type TrustedHtml = ReturnType<Policy['createHTML']>;

/** HTML produced by this folder's sanitiser. The brand keeps arbitrary strings away from `toTrustedHtml`. */
export type SafeHtml = string & { readonly __safeHtml: true };

let policy: Policy | null | undefined;

/** The widget's policy, created on first use; null when Trusted Types are absent or the host refuses it. */
export function trustedTypesPolicy(): Policy | null {
  if (policy !== undefined) return policy;
  policy = null;
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (factory && typeof factory.createPolicy === 'function') {
    try {
      policy = factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
        createHTML: (html: string) => html,
        createScriptURL: () => {
          throw new TypeError(`${TRUSTED_TYPES_POLICY_NAME}: script URLs are never created`);
        },
        // A real policy object has every create* method (unset ones throw); the typings only Pick the given.
      }) as unknown as Policy;
    } catch {
      // Name not allowed by the host CSP, or already taken (a second copy of the widget): run without.
      policy = null;
    }
  }
  return policy;
}

/**
 * Wraps sanitised HTML for `innerHTML` / Preact's `dangerouslySetInnerHTML` when Trusted Types are
 * available, and returns the string unchanged otherwise. Call it at the point of insertion only: the
 * render cache holds plain strings.
 */
export function toTrustedHtml(html: SafeHtml): TrustedHtml | SafeHtml {
  const active = trustedTypesPolicy();
  return active ? active.createHTML(html) : html;
}
