export type { BackendKind, StorageEventLike, StorageLike, WindowLike } from './backends';
export { purgeOldVersions } from './backends';
export { hashKey, STORAGE_PREFIX, STORAGE_VERSION } from './keys';
export type { SafeStorage, SafeStorageOptions } from './safe-storage';
export { createSafeStorage } from './safe-storage';
