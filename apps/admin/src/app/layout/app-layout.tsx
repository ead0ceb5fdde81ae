import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications, notifications } from '@mantine/notifications';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitcher } from '../../components/language-switcher';
import { PageSkeleton } from '../../components/page-skeleton';
import { useLogout } from '../../features/auth/api/logout';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { SignInPath } from '../../features/auth/lib/redirect';
import { DemoDataBanner } from '../../features/meta/components/demo-data-banner';
import { navItemsFor, type NavItem } from './nav-items';

const isCurrent = (to: string, pathname: string): boolean => pathname === to || pathname.startsWith(`${to}/`);

interface NavEntryProps {
  item: NavItem;
  pathname: string;
  onNavigate: () => void;
}

const NavEntry = ({ item, pathname, onNavigate }: NavEntryProps) => {
  const { t } = useTranslation();
  if (!item.to) {
    // Not built yet: shown (with its status in words) but not operable.
    return (
      <NavLink
        component="span"
        label={t(item.label)}
        disabled
        aria-disabled="true"
        rightSection={
          <Badge size="xs" variant="light" color="gray">
            {t('nav.comingSoon')}
          </Badge>
        }
      />
    );
  }
  const children = item.children ?? [];
  if (children.length === 0) {
    return (
      <NavLink
        component={RouterNavLink}
        to={item.to}
        label={t(item.label)}
        active={isCurrent(item.to, pathname)}
        onClick={onNavigate}
      />
    );
  }
  // A group is current through its pages; its own link leads to the first of them.
  return (
    <>
      <NavLink component={Link} to={item.to} label={t(item.label)} onClick={onNavigate} />
      <Stack gap={0} pl="md" ml="sm" style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
        {children.map((child) => (
          <NavEntry key={child.key} item={child} pathname={pathname} onNavigate={onNavigate} />
        ))}
      </Stack>
    </>
  );
};

export const AppLayout = () => {
  const { t } = useTranslation();
  const user = useSessionUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [navOpened, nav] = useDisclosure(false);

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate(SignInPath, { replace: true }),
      onError: () => notifications.show({ color: 'red', message: t('header.signOutFailed') }),
    });

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      {/* Mounted with the signed-in shell, where toasts are used, to keep it out of the first load. */}
      <Notifications position="top-right" />
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('nav.closeMenu') : t('nav.openMenu')}
            />
            <Text component={Link} to="/partners" fw={700} size="lg" c="inherit" td="none">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="md" data-testid="signed-in-user">
              {t('header.signedInAs', { name: user.displayName })}
            </Text>
            <LanguageSwitcher size="xs" w={120} />
            <Button variant="default" size="xs" onClick={signOut} loading={logout.isPending}>
              {t('header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {navItemsFor(user.roles).map((item) => (
          <NavEntry key={item.key} item={item} pathname={pathname} onNavigate={nav.close} />
        ))}
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <DemoDataBanner />
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
};
