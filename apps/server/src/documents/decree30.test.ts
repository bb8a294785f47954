import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeAndDate, recipientLines, signatureAuthority, vietnameseDate } from './decree30.js';

test('dates are written out, with a leading zero only for days below 10 and the months 1 and 2', () => {
  assert.equal(vietnameseDate('2026-05-29'), 'ngày 29 tháng 5 năm 2026');
  assert.equal(vietnameseDate('2026-02-05'), 'ngày 05 tháng 02 năm 2026');
  assert.equal(vietnameseDate('2026-01-10'), 'ngày 10 tháng 01 năm 2026');
  assert.equal(vietnameseDate('2025-12-01'), 'ngày 01 tháng 12 năm 2025');
  assert.equal(placeAndDate('Tân Hưng', '2026-05-29'), 'Tân Hưng, ngày 29 tháng 5 năm 2026');
  assert.match(placeAndDate('Tân Hưng', null), /^Tân Hưng, ngày +tháng +năm +$/);
});

test('recipients end with semicolons and the last with a full stop, whatever was typed', () => {
  assert.deepEqual(recipientLines(['Sở Y tế;', 'UBND tỉnh (b/c)', 'Lưu: VT, VHXH.']), ['- Sở Y tế;', '- UBND tỉnh (b/c);', '- Lưu: VT, VHXH.']);
});

test('a chairman signs for the committee; a vice-chairman signs on the chairman’s behalf', () => {
  assert.deepEqual(signatureAuthority('ỦY BAN NHÂN DÂN', 'TM', 'CHỦ TỊCH'), ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  assert.deepEqual(signatureAuthority('ỦY BAN NHÂN DÂN', 'KT', 'PHÓ CHỦ TỊCH'), ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
});
