/** A failed data request (fetch-json.ts), by kind; its own module so code that only checks for one stays light. */
export type FetchErrorKind = 'network' | 'http' | 'timeout' | 'abort' | 'json';

export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly url: string;
  readonly status?: number;
  constructor(kind: FetchErrorKind, url: string, message: string, status?: number) {
    super(message);
    this.name = 'FetchError';
    this.kind = kind;
    this.url = url;
    this.status = status;
  }
}
