import { SAVED_VIEWS_PER_LIST, type SavedView, type SavedViewList } from '@pardev/contracts';
import {
  Anchor,
  Button,
  CloseButton,
  Divider,
  Group,
  Modal,
  Popover,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { useDeleteView, useSavedViews } from '../api/saved-views';

// The form (and its validation) loads when someone first saves a view.
const SaveViewForm = lazy(() => import('./save-view-form').then((m) => ({ default: m.SaveViewForm })));

/** The list's view as a saved view holds it: its URL query without "?" and without the page. */
export const viewQueryOf = (search: string): string => {
  const params = new URLSearchParams(search);
  params.delete('page');
  return params.toString();
};

interface SavedViewsMenuProps {
  list: SavedViewList;
  /** The list's page, e.g. /partners: a view opens it with the view's query. */
  path: string;
}

type Dialog = { kind: 'save' } | { kind: 'delete'; view: SavedView };

/** The person's saved views of a list: open one, save the current one, delete one. */
export const SavedViewsMenu = ({ list, path }: SavedViewsMenuProps) => {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [opened, setOpened] = useState(false);
  const [everOpened, setEverOpened] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const views = useSavedViews(list, everOpened);
  const remove = useDeleteView();
  const current = viewQueryOf(search);
  const items = views.data?.items ?? [];
  const full = items.length >= SAVED_VIEWS_PER_LIST;

  const toggle = () => {
    setEverOpened(true);
    setOpened((value) => !value);
  };
  const openDialog = (next: Dialog) => {
    setOpened(false);
    setDialog(next);
  };
  const close = () => {
    setDialog(null);
    remove.reset();
  };
  const confirmDelete = (view: SavedView) =>
    remove.mutate(
      { id: view.id, list },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('savedViews.deleted', { name: view.name }) });
          close();
        },
      },
    );

  return (
    <>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={320}
        trapFocus
        returnFocus
        shadow="md"
        withinPortal
      >
        <Popover.Target>
          <Button variant="default" onClick={toggle} aria-haspopup="dialog">
            {t('savedViews.menu')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Button
              variant="light"
              size="xs"
              disabled={full || !views.isSuccess}
              onClick={() => openDialog({ kind: 'save' })}
            >
              {t('savedViews.saveCurrent')}
            </Button>
            {full && (
              <Text size="xs" c="dimmed">
                {t('savedViews.full', { count: SAVED_VIEWS_PER_LIST })}
              </Text>
            )}
            <Divider label={t('savedViews.mine')} labelPosition="left" />
            {views.isError && (
              <QueryErrorAlert
                title={t('savedViews.loadError')}
                error={views.error}
                onRetry={() => void views.refetch()}
              />
            )}
            {views.isPending && <Skeleton height={60} data-testid="saved-views-skeleton" />}
            {views.isSuccess && items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('savedViews.empty')}
              </Text>
            )}
            {items.length > 0 && (
              <Stack
                component="ul"
                gap={2}
                aria-label={t('savedViews.mine')}
                style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: 320, overflowY: 'auto' }}
              >
                {items.map((view) => (
                  <Group component="li" key={view.id} justify="space-between" wrap="nowrap" gap="xs">
                    <Anchor
                      component={Link}
                      to={view.query ? `${path}?${view.query}` : path}
                      size="sm"
                      fw={view.query === current ? 700 : undefined}
                      aria-current={view.query === current ? 'page' : undefined}
                      onClick={() => setOpened(false)}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {view.name}
                    </Anchor>
                    <CloseButton
                      size="sm"
                      aria-label={t('savedViews.deleteNamed', { name: view.name })}
                      onClick={() => openDialog({ kind: 'delete', view })}
                    />
                  </Group>
                ))}
              </Stack>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>

      <Modal
        opened={dialog?.kind === 'save'}
        onClose={close}
        title={t('savedViews.saveTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'save' && (
          <Suspense fallback={<Skeleton height={160} />}>
            <SaveViewForm
              list={list}
              query={current}
              takenNames={items.map((view) => view.name)}
              onSaved={close}
              onCancel={close}
            />
          </Suspense>
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === 'delete'}
        onClose={close}
        title={t('savedViews.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'delete' && (
          <Stack gap="md">
            <Text size="sm">{t('savedViews.confirmDelete', { name: dialog.view.name })}</Text>
            {remove.isError && (
              <FormFailureAlert
                id="delete-view-error"
                title={t('savedViews.deleteFailed')}
                error={remove.error}
                isFormField={() => false}
              />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => confirmDelete(dialog.view)}>
                {t('savedViews.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
};
