import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

export function AdminLayout() {
  const { t } = useTranslation();
  const links = [
    ['users', t('admin.nav.users')],
    ['spaces', t('admin.nav.spaces')],
    ['localities', t('admin.nav.localities')],
    ['outbox', t('admin.nav.outbox')],
    ['audit', t('admin.nav.audit')],
    ['privacy', t('privacy.register.nav')],
  ] as const;
  return (
    <div className="container">
      <nav className="subnav" aria-label={t('admin.nav.label')}>
        <p className="subnav__title">{t('admin.nav.label')}</p>
        <ul>
          {links.map(([to, label]) => (
            <li key={to}>
              <NavLink to={`/admin/${to}`}>{label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
