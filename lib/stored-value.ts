import { storage, type StorageItemKey } from 'wxt/utils/storage';

/*
 * A value kept in the extension's storage (WXT's storage items), read through a parser so an
 * older or damaged value reads as something valid, and watched: every page and the worker
 * see a change as it is written. Components follow one with useStoredValue.
 */

export interface StoredValue<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Removes the value; it reads as what the parser makes of nothing. */
  clear(): Promise<void>;
  /** Calls back with each new value; returns the function that stops watching. */
  watch(listener: (value: T) => void): () => void;
}

/** `read` turns whatever is stored (null when nothing is) into a valid value. */
export function storedValue<T>(key: StorageItemKey, read: (stored: unknown) => T): StoredValue<T> {
  const item = storage.defineItem<unknown>(key);
  return {
    get: async () => read(await item.getValue()),
    set: (value) => item.setValue(value),
    clear: () => item.removeValue(),
    watch: (listener) => item.watch((stored) => listener(read(stored))),
  };
}
