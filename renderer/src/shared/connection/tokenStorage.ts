// Where a browser keeps the box token: this tab only by default (a supervisor's shared PC forgets it when the tab
// closes); localStorage only when the operator ticks "remember on this PC".

const key = 'phonewall.token';

export interface TokenStores {
  session: Storage;
  local: Storage;
}

export function loadToken(stores: TokenStores): string | null {
  return stores.session.getItem(key) ?? stores.local.getItem(key);
}

export function saveToken(stores: TokenStores, token: string, remember: boolean): void {
  stores.session.setItem(key, token);
  if (remember) stores.local.setItem(key, token);
  else stores.local.removeItem(key);
}

export function forgetToken(stores: TokenStores): void {
  stores.session.removeItem(key);
  stores.local.removeItem(key);
}

/** A token given in the URL fragment (`#token=…`, as a box may print) is taken once and removed from the address. */
export function takeTokenFromHash(location: Pick<Location, 'hash' | 'pathname' | 'search'>, history: Pick<History, 'replaceState'>): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (!match?.[1]) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return match[1];
}
