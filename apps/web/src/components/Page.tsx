import { useEffect, type ReactNode } from 'react';

/** The page's one h1, which also names the browser tab. */
export function PageHeader({ title, subtitle, actions, before }: { title: string; subtitle?: ReactNode; actions?: ReactNode; before?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – PCMD`;
  }, [title]);
  return (
    <header className="page-header">
      {before}
      <div className="page-title">
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </header>
  );
}
