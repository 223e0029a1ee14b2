/**
 * The URL main hands to the OS, or null when it must not be opened: the page's own link rule
 * (http, https and mailto only, no credentials, a mailto with only to, cc, bcc, subject and body),
 * applied again here because main trusts nothing the page sends.
 */
export { safeLinkTarget as safeExternalUrl } from '../../shared/linkTarget';
