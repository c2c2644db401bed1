/**
 * What a partition stores and how it is cleared: its HTTP cache, {@code clearStorageData} over every
 * kind of storage, {@code flushStorageData}, and deleting a persistent partition from disk.
 */
package io.github.fxsession.internal.storage;
