// Export file names: kept apart from the painters (png.ts, draw-svg.ts), which load on first export (lazy.ts), so
// `sanitizeFilename` from the package index costs no painter code.

/**
 * A file name safe on Windows, macOS and Linux: no path separators, reserved characters, control characters or
 * trailing dots/spaces; whitespace runs become one `-`; CJK is kept; at most 120 characters before the extension.
 * Returns `fallback` when nothing usable is left. The extension is added (or replaced) when given.
 */
export function sanitizeFilename(name: string | null | undefined, ext = '', fallback = 'civic-export'): string {
  let base = String(name ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-. ]+$/g, '');
  const dot = ext ? '.' + ext.replace(/^\.+/, '') : '';
  if (dot && base.toLowerCase().endsWith(dot.toLowerCase())) base = base.slice(0, -dot.length).replace(/[-. ]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `${base}-`;
  if (base.length > 120) base = base.slice(0, 120).replace(/[-. ]+$/g, '');
  if (!base) base = sanitizeFilename(fallback, '', 'civic-export');
  return base + dot;
}
