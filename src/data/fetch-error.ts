/** A failed data request (fetch-json.ts), by kind; its own module so code that only checks for one stays light. */
export type FetchErrorKind = 'network' | 'http' | 'timeout' | 'abort' | 'json';

export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly url: string;
  readonly status?: number;
  /** The issue code of the `civic-error` it causes: the kind, or `looks-like-csv` (a `json` error whose body is a table). */
  readonly code: string;
  constructor(kind: FetchErrorKind, url: string, message: string, status?: number, code: string = kind) {
    super(message);
    this.code = code;
    this.name = 'FetchError';
    this.kind = kind;
    this.url = url;
    this.status = status;
  }
}
