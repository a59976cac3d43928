import { useState } from 'react';

/** The product's picture when the order source has one; nothing otherwise (or when it cannot load). */
export function ProductImage({ url, name }: { url: string | null | undefined; name: string }) {
  const [failed, setFailed] = useState(false);
  if (!url || failed) return null;
  return <img className="split-image" src={url} alt={name} onError={() => setFailed(true)} draggable={false} />;
}
