/**
 * The carrier a tracking number belongs to, by its well-known shape, for Shopify's tracking
 * company (Shopify links known companies to their tracking pages). Unknown shapes give none:
 * Shopify then shows the number without a company.
 */
export function carrierOf(trackingNumber: string): string | undefined {
  const n = trackingNumber.replace(/\s+/g, '').toUpperCase();
  if (/^1Z[0-9A-Z]{16}$/.test(n)) return 'UPS';
  if (/^(9[2-5]\d{18,20}|[A-Z]{2}\d{9}US)$/.test(n)) return 'USPS';
  if (/^(\d{12}|\d{15}|\d{20}|\d{22})$/.test(n)) return 'FedEx';
  if (/^TBA\d{12}$/.test(n)) return 'Amazon Logistics US';
  return undefined;
}
