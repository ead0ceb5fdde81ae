import type { Contact, Partner } from '@pardev/contracts';
import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { MissingValue } from '../../../components/missing-value';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { SkeletonRows } from '../../../components/skeleton-rows';
import { useContacts, useRemoveContact } from '../api/contacts';

// The form is loaded when a dialog first opens.
const ContactForm = lazy(() => import('./contact-form').then((m) => ({ default: m.ContactForm })));

interface ContactsSectionProps {
  partner: Partner;
  /** Whether the signed-in user may change this partner (and so its contacts). */
  mayChange: boolean;
}

type Dialog = { kind: 'add' } | { kind: 'edit'; contact: Contact } | { kind: 'remove'; contact: Contact };

/** The people to deal with at the partner: the focal point, who may sign, how to reach them. */
export const ContactsSection = ({ partner, mayChange }: ContactsSectionProps) => {
  const { t } = useTranslation();
  const contacts = useContacts(partner.id);
  const remove = useRemoveContact();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => {
    setDialog(null);
    remove.reset();
  };
  const items = contacts.data?.items ?? [];
  const focalPoint = items.find((contact) => contact.focalPoint);

  const confirmRemove = (contact: Contact) =>
    remove.mutate(
      { partnerId: partner.id, contactId: contact.id },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('partners.contacts.removed', { name: contact.name }),
          });
          close();
        },
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contacts-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4" id="contacts-title">
            {t('partners.contacts.title')}
          </Title>
          {mayChange && (
            <Button variant="default" size="xs" onClick={() => setDialog({ kind: 'add' })}>
              {t('partners.contacts.add')}
            </Button>
          )}
        </Group>
        {contacts.isError ? (
          <QueryErrorAlert
            title={t('partners.contacts.loadError')}
            error={contacts.error}
            onRetry={() => void contacts.refetch()}
          />
        ) : contacts.isPending ? (
          <Table>
            <Table.Tbody>
              <SkeletonRows rows={2} columns={3} testId="contact-skeleton" />
            </Table.Tbody>
          </Table>
        ) : items.length === 0 ? (
          <EmptyState
            title={t('partners.contacts.empty')}
            description={mayChange ? t('partners.contacts.emptyAction') : undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('partners.contacts.fields.name')}</Table.Th>
                  <Table.Th>{t('partners.contacts.fields.email')}</Table.Th>
                  <Table.Th>{t('partners.contacts.fields.phone')}</Table.Th>
                  {mayChange && <Table.Th>{t('partners.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((contact) => (
                  <Table.Tr key={contact.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {contact.name}
                      </Text>
                      {contact.role && (
                        <Text size="xs" c="dimmed">
                          {contact.role}
                        </Text>
                      )}
                      <Group gap={4} mt={2}>
                        {contact.focalPoint && (
                          <Badge size="xs" variant="light">
                            {t('partners.contacts.fields.focalPoint')}
                          </Badge>
                        )}
                        {contact.authorisedSignatory && (
                          <Badge size="xs" variant="light" color="grape">
                            {t('partners.contacts.fields.authorisedSignatory')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {contact.email ? (
                        <Anchor href={`mailto:${contact.email}`} size="sm">
                          {contact.email}
                        </Anchor>
                      ) : (
                        <MissingValue />
                      )}
                    </Table.Td>
                    <Table.Td>{contact.phone ?? <MissingValue />}</Table.Td>
                    {mayChange && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            variant="subtle"
                            size="xs"
                            aria-label={t('partners.contacts.editNamed', { name: contact.name })}
                            onClick={() => setDialog({ kind: 'edit', contact })}
                          >
                            {t('partners.edit.action')}
                          </Button>
                          <Button
                            variant="subtle"
                            color="red"
                            size="xs"
                            aria-label={t('partners.contacts.removeNamed', { name: contact.name })}
                            onClick={() => setDialog({ kind: 'remove', contact })}
                          >
                            {t('partners.contacts.remove')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit'
            ? t('partners.contacts.editNamed', { name: dialog.contact.name })
            : t('partners.contacts.addTitle', { name: partner.name })
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
          <Suspense fallback={<Skeleton height={240} />}>
            <ContactForm
              key={dialog.kind === 'edit' ? dialog.contact.id : 'new'}
              partnerId={partner.id}
              contact={dialog.kind === 'edit' ? dialog.contact : undefined}
              focalPoint={focalPoint}
              onSaved={close}
              onCancel={close}
            />
          </Suspense>
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === 'remove'}
        onClose={close}
        title={t('partners.contacts.remove')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'remove' && (
          <Stack gap="md">
            <Text size="sm">{t('partners.contacts.confirmRemove', { name: dialog.contact.name })}</Text>
            {remove.isError && (
              <FormFailureAlert
                id="remove-contact-error"
                title={t('partners.contacts.removeFailed')}
                error={remove.error}
                isFormField={() => false}
              />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => confirmRemove(dialog.contact)}>
                {t('partners.contacts.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
};
