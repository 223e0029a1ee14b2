/**
 * jsdom has no object URLs and does not download: this records what the page would
 * download (the Blob, the link's file name) and whether the URL was given back.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export interface Download {
  fileName: string;
  blob: Blob;
  /** The link was taken out of the page again. */
  linkRemoved: () => boolean;
}

export function recordDownloads() {
  const downloads: Download[] = [];
  const revoked: string[] = [];
  const blobs = new Map<string, Blob>();

  beforeEach(() => {
    downloads.length = 0;
    revoked.length = 0;
    blobs.clear();
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:parley/${blobs.size + 1}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: (url: string) => revoked.push(url),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (!blob) throw new Error(`clicked a link to ${this.href}, not to a Blob`);
      downloads.push({ fileName: this.download, blob, linkRemoved: () => !this.isConnected });
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  return { downloads, revoked, urls: () => [...blobs.keys()] };
}
