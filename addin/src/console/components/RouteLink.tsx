// A link to another console page: a real link (its hash route), so it can be opened in a new tab
// or copied, that navigates in place on a plain click.
import type { MouseEvent, ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import { useConsole } from '../context.js';
import { formatRoute, type Route } from '../routes.js';

export function RouteLink({ to, children }: { to: Route; children: ReactNode }) {
  const { navigate } = useConsole();
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  }
  return (
    <Link href={formatRoute(to)} onClick={follow}>
      {children}
    </Link>
  );
}
