import { describe, expect, it } from 'vitest';
import { resolveScan, shopifyNumberRejection } from '../../../../shared/domain/scan';

describe('resolving what the scanner typed', () => {
  it('accepts an 18-digit TikTok order ID', () => {
    expect(resolveScan('576477431806268482')).toEqual({ kind: 'tiktok', orderId: '576477431806268482' });
  });

  it('strips scanner control characters and whitespace', () => {
    expect(resolveScan('\u001d 577000000000000001\r\n')).toMatchObject({ kind: 'tiktok', orderId: '577000000000000001' });
  });

  it('warns, but accepts, an 18-digit ID that does not start with 576 or 577', () => {
    const result = resolveScan('123456789012345678');
    expect(result.kind).toBe('tiktok');
    expect(result.kind === 'tiktok' && result.warning).toMatch(/does not start with 576 or 577/);
  });

  it.each([
    ['#1001', '#1001'],
    ['1001', '#1001'],
    ['#52013', '#52013'],
  ])('reads %s as the Shopify order %s, to be looked up', (scan, orderName) => {
    expect(resolveScan(scan)).toEqual({ kind: 'shopify', orderName });
  });

  it('words the refusal of a Shopify number that cannot be looked up', () => {
    const result = shopifyNumberRejection('#1001', 'Shopify is not connected to this station.');
    expect(result).toMatchObject({ code: 'shopify_order_number' });
    expect(result.message).toMatch(/looks like a Shopify order number.*not connected/);
  });

  it('counts the digits of a near-miss so the packer knows a digit was lost', () => {
    const result = resolveScan('57647743180626848');
    expect(result).toMatchObject({ kind: 'rejected', code: 'wrong_length' });
    expect(result.kind === 'rejected' && result.message).toMatch(/has 17 digits; a TikTok order ID has 18/);
  });

  it('recognises a tracking number scanned from a label and points to History', () => {
    for (const scan of ['9234690394227201263806', '1Z999AA10123456784']) {
      const result = resolveScan(scan);
      expect(result).toMatchObject({ kind: 'rejected', code: 'tracking_number' });
      expect(result.kind === 'rejected' && result.nextStep).toMatch(/History/);
    }
  });

  it('refuses an empty scan and free text with a next step', () => {
    expect(resolveScan('   ')).toMatchObject({ kind: 'rejected', code: 'empty' });
    const text = resolveScan('hello world');
    expect(text).toMatchObject({ kind: 'rejected', code: 'not_an_order_id' });
    expect(text.kind === 'rejected' && text.nextStep).toMatch(/18 digits/);
  });
});
