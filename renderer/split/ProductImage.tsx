import { useQuery } from '@tanstack/react-query';
import { itemPictureQuery } from '../api/shipments';

/**
 * The product's picture when the order source has one, fetched by the station (the page may load
 * no remote image); nothing while it loads, when there is none, or when it cannot be had.
 */
export function ProductImage({ orderId, lineItemId, name }: { orderId: string | undefined; lineItemId: string | null; name: string }) {
  const picture = useQuery({ ...itemPictureQuery(orderId ?? '', lineItemId ?? ''), enabled: Boolean(orderId && lineItemId) }).data;
  if (!picture) return null;
  return <img className="split-image" src={picture} alt={name} draggable={false} data-testid="product-picture" />;
}
