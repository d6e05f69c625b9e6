import { describe, expect, it } from 'vitest';
import { formatShareAgainst } from '../../src-renderer/format';

const plain = (text: string) => text.replace(/\s/g, ' ');

describe('a share beside its target', () => {
  it('never reads as the target when the target is not reached', () => {
    expect(plain(formatShareAgainst(55 / 123, 0.45))).toBe('44,7 %'); // not « 45 % » beside « Sous la cible »
    expect(plain(formatShareAgainst(49 / 109, 0.45))).toBe('44,95 %'); // not « 45,0 % » either
    expect(plain(formatShareAgainst(55 / 123, 0.4))).toBe('45 %');
    expect(plain(formatShareAgainst(0.4545, 0.45))).toBe('45 %'); // reached: whole percents
    expect(plain(formatShareAgainst(0.5, null))).toBe('50 %');
  });
});
