import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { keys, useMe, useSettings } from '../api/hooks.ts';
import { changeUiLanguage, currentLanguage, hasStoredLanguage, type UiLanguage } from '../i18n/index.ts';

function focusMain() {
  const main = document.getElementById('main');
  if (!main) return;
  const heading = main.querySelector<HTMLElement>('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  } else {
    main.focus();
  }
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const other: UiLanguage = currentLanguage() === 'sv' ? 'en' : 'sv';
  const onClick = async () => {
    await changeUiLanguage(other);
    if (me) {
      try {
        await api.updateMe({ body: { language: other } });
        await queryClient.invalidateQueries({ queryKey: keys.me });
      } catch {
        // The switch in this browser still holds; the account keeps its old preference.
      }
    }
  };
  return (
    <button
      type="button"
      className="language-switch"
      onClick={onClick}
      lang={other}
      aria-label={t('header.switchLanguageLabel', { lng: other })}
    >
      <span aria-hidden="true" className="language-switch__icon">
        <svg viewBox="0 0 24 24" width="18" height="18" focusable="false">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path
            d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9M12 3c-2.5 2.6-3.8 5.6-3.8 9s1.3 6.4 3.8 9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
          />
        </svg>
      </span>
      {i18n.getFixedT(other)('header.languageName')}
    </button>
  );
}

export function Layout() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const { data: settings } = useSettings();
  const first = useRef(true);
  // On a phone the main menu folds behind a button (issue 13 §4), so the page's heading is on the first screen.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);

  // After a client-side navigation, move focus to the new page's heading, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = window.requestAnimationFrame(focusMain);
    return () => window.cancelAnimationFrame(id);
  }, [location.pathname]);

  // The account's language applies when this browser has no choice of its own.
  useEffect(() => {
    if (me && !hasStoredLanguage() && me.language !== currentLanguage()) void changeUiLanguage(me.language);
  }, [me]);

  const signOut = useMutation({
    mutationFn: () => api.endSession(),
    onSettled: async () => {
      queryClient.clear();
      await navigate('/');
    },
  });

  return (
    <div className="page">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('header.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <svg className="brand__logo" viewBox="0 0 32 32" width="36" height="36" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" fill="#1b4d3e" />
              <circle cx="11" cy="13" r="4" fill="#fff" />
              <circle cx="21" cy="13" r="4" fill="#f3c74d" />
              <path d="M6 25c1-4 4-6 10-6s9 2 10 6" stroke="#fff" strokeWidth="2.5" fill="none" strokeLinecap="round" />
            </svg>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            <button
              type="button"
              className="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="site-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span aria-hidden="true" className="menu-toggle__icon" />
              {t('menus.menu')}
            </button>
          </div>
        </div>
        <nav className="site-nav" id="site-nav" aria-label={t('nav.label')} data-open={menuOpen}>
          <ul className="site-nav__list">
            <li>
              <NavLink to="/" end>
                {t('nav.spaces')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/organisations">{t('nav.organisations')}</NavLink>
            </li>
            <li>
              <NavLink to="/models">{t('models.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/news">{t('newsNotify.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/initiatives">{t('alliances.navDirectory')}</NavLink>
            </li>
            {me && (
              <li>
                <NavLink to="/spaces/new">{t('nav.createSpace')}</NavLink>
              </li>
            )}
            {me?.isAdmin && (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            )}
            {me ? (
              <>
                <li>
                  <NavLink to="/account">{t('nav.account')}</NavLink>
                </li>
                <li>
                  <button type="button" className="link-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
                    {t('nav.signOut')}
                  </button>
                </li>
              </>
            ) : (
              <li>
                <NavLink
                  to={`/sign-in${location.pathname !== '/' && !location.pathname.startsWith('/sign-in') ? `?returnTo=${encodeURIComponent(location.pathname)}` : ''}`}
                >
                  {t('nav.signIn')}
                </NavLink>
              </li>
            )}
          </ul>
          {me && (
            <p className="site-nav__user">
              {t('header.signedInAs')} <strong>{me.name}</strong>
            </p>
          )}
        </nav>
        {settings?.demo && <p className="demo-banner">{t('header.demoNotice')}</p>}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>
            <strong>{t('app.name')}</strong> – {t('footer.about')}
          </p>
          <ul className="site-footer__links">
            <li>
              <Link to="/accessibility">{t('footer.accessibility')}</Link>
            </li>
            <li>
              <Link to={i18n.language === 'en' ? '/privacy' : '/integritet'}>{t('privacy.footer')}</Link>
            </li>
            <li>
              <a href="/api/openapi.json">{t('footer.api')}</a>
            </li>
            {settings && <li>{t('footer.version', { version: settings.version })}</li>}
          </ul>
        </div>
      </footer>
    </div>
  );
}
