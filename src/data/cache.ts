/**
 * The opt-in `cache` attribute: the last good payload of a `src`, kept in IndexedDB so a rebooted data wall
 * shows data at once (marked stale until the network answers). One record per element key, overwritten on
 * every successful load, so the store cannot grow without bound; records older than `maxAgeDays` are ignored
 * and deleted. Every failure (private mode, quota, no IndexedDB) quietly means "no cache".
 */
const DB = 'civic-widgets';
const STORE = 'last-good';

export interface CachedPayload {
  text: string;
  savedAt: number;
}

function open(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') return resolve(undefined);
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(undefined);
      req.onblocked = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve) => {
        if (!db) return resolve(undefined);
        try {
          const tx = db.transaction(STORE, mode);
          const req = fn(tx.objectStore(STORE));
          tx.oncomplete = () => {
            db.close();
            resolve(req ? (req.result as T) : undefined);
          };
          tx.onerror = tx.onabort = () => {
            db.close();
            resolve(undefined);
          };
        } catch {
          db.close();
          resolve(undefined);
        }
      }),
  );
}

export async function readCache(key: string, maxAgeDays = 30): Promise<CachedPayload | undefined> {
  const v = await run<CachedPayload>('readonly', (s) => s.get(key));
  if (!v || typeof v.text !== 'string' || typeof v.savedAt !== 'number') return undefined;
  if (Date.now() - v.savedAt > maxAgeDays * 86_400_000) {
    void deleteCache(key);
    return undefined;
  }
  return v;
}

export async function writeCache(key: string, text: string): Promise<void> {
  await run('readwrite', (s) => s.put({ text, savedAt: Date.now() } satisfies CachedPayload, key));
}

export async function deleteCache(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}
