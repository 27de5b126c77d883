import { describe, expect, it } from 'vitest';
import { formatSize } from './file-size';

describe('a file size as people read it', () => {
  it('in bytes, kB and MB, with the decimal mark of the language', () => {
    expect(formatSize(193, 'nl')).toBe('193 bytes');
    expect(formatSize(1, 'en')).toBe('1 byte');
    expect(formatSize(1229, 'nl')).toBe('1,2 kB');
    expect(formatSize(1229, 'en')).toBe('1.2 kB');
    expect(formatSize(2048, 'nl')).toBe('2 kB');
    expect(formatSize(200 * 1024 + 300, 'nl')).toBe('200 kB');
    expect(formatSize(1.5 * 1024 * 1024, 'nl')).toBe('1,5 MB');
    expect(formatSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });
});
