import type { Hono } from 'hono';

type RouteList = Hono['routes'];

function toRegExp(path: string): RegExp {
  const pattern = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      const param = /^:[^{?]+(\{(.+)\})?(\?)?$/.exec(segment);
      if (param) return param[2] ? `(?:${param[2]})` : '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${pattern}/?$`);
}

/** The methods registered for a path (for 405 + Allow), ignoring middleware (`ALL`). */
export function allowedMethods(routes: RouteList, path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || route.path.endsWith('*')) continue;
    if (toRegExp(route.path).test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
