/**
 * The Open Parliament Licence v3.0 requires this exact line wherever House of Commons Library
 * figures are shown or shipped; it is a licence term, so it is not translated.
 */
export const ATTRIBUTION_LINE = 'Contains Parliamentary information licensed under the Open Parliament Licence v3.0.';
