/**
 * Single-page apps change their address without loading a page. Which address changes are a new
 * page (read again from scratch) and which are a jump within the same one is decided here, from
 * the two addresses alone.
 */

/**
 * Whether going from `before` to `after` is a navigation to another page: any change but the
 * fragment, or a fragment that is a route (`#/…`, `#!…`) rather than an in-page anchor.
 */
export function isNavigation(before: string, after: string): boolean {
  if (before === after) return false;
  const cut = (href: string) => {
    const i = href.indexOf('#');
    return i < 0 ? [href, ''] : [href.slice(0, i), href.slice(i)];
  };
  const [pageBefore, hashBefore] = cut(before);
  const [pageAfter, hashAfter] = cut(after);
  if (pageBefore !== pageAfter) return true;
  const route = (hash: string) => hash.startsWith('#/') || hash.startsWith('#!');
  return route(hashBefore!) || route(hashAfter!);
}
