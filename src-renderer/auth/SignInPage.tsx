import {
  Alert,
  Box,
  Button,
  Center,
  Divider,
  FileInput,
  Group,
  Image,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconLogin } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setupInput, signInInput } from '../../src-main/contract';
import { call } from '../api/client';
import { readDocument } from '../components/documents';
import { contractResolver, notifySaved, useFormSubmit } from '../components/forms';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSessionChanged } from './session';
import logo from '../../resources/icon.svg';

/** The frame of the pages shown before signing in: the programme's name, the language. */
function Welcome({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box bg="gray.0" mih="100vh">
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" radius="md" p="xl" w={440} maw="100%">
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <Group gap="sm">
                <Image src={logo} w={40} h={40} alt="" />
                <div>
                  <Text fw={700} size="lg" lh={1.1}>
                    {t('app.name')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('app.programme')}
                  </Text>
                </div>
              </Group>
              <LanguageSwitch />
            </Group>
            <div>
              <Title order={1} size="h3">
                {title}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {subtitle}
              </Text>
            </div>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const changed = useSessionChanged();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm({
    initialValues: { login: '', password: '' },
    validate: contractResolver(signInInput),
  });
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => {
      setRefusal(null);
      return call('auth.signIn', values);
    },
    onSaved: changed,
    onError: (error) => {
      form.setFieldValue('password', '');
      setRefusal(error.message);
    },
  });
  return (
    <Welcome title={t('auth.signIn.title')} subtitle={t('auth.signIn.subtitle')}>
      <form noValidate onSubmit={submit}>
        <Stack>
          {refusal && (
            <Alert color="red" icon={<IconAlertTriangle />} role="alert">
              {refusal}
            </Alert>
          )}
          <TextInput
            label={t('auth.signIn.login')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            data-autofocus
            autoFocus
            {...form.getInputProps('login')}
          />
          <PasswordInput
            label={t('auth.signIn.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={pending} leftSection={<IconLogin size={18} />}>
            {t('auth.signIn.submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('auth.signIn.forgotten')}
          </Text>
        </Stack>
      </form>
    </Welcome>
  );
}

type SetupValues = { name: string; login: string; password: string; confirm: string };

/** The first start: the administrator of the PRC team creates their own account. */
export function SetupPage() {
  const { t } = useTranslation();
  const changed = useSessionChanged();
  const resolve = contractResolver(setupInput);
  const form = useForm<SetupValues>({
    initialValues: { name: '', login: '', password: '', confirm: '' },
    validate: ({ confirm, ...values }) => ({
      ...resolve(values),
      ...(confirm !== values.password ? { confirm: t('errors.passwordsDiffer') } : {}),
    }),
  });
  const { submit, pending } = useFormSubmit(form, {
    send: ({ confirm: _, ...values }) => call('auth.setup', values),
    onSaved: changed,
  });
  return (
    <Welcome title={t('auth.setup.title')} subtitle={t('auth.setup.subtitle')}>
      <form noValidate onSubmit={submit}>
        <Stack>
          <TextInput label={t('auth.setup.name')} withAsterisk autoFocus {...form.getInputProps('name')} />
          <TextInput
            label={t('auth.setup.login')}
            description={t('auth.setup.loginHint')}
            withAsterisk
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('login')}
          />
          <PasswordInput
            label={t('auth.setup.password')}
            description={t('auth.setup.passwordHint')}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('auth.setup.confirm')}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={pending}>
            {t('auth.setup.submit')}
          </Button>
        </Stack>
      </form>
      <EnrolHere onEnrolled={changed} />
    </Welcome>
  );
}

/** Or, on a trainer's laptop: its data from the enrolment file headquarters gave, opened with the code. */
function EnrolHere({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setPending(true);
    try {
      const { contentBase64 } = await readDocument(file);
      await call('sync.enrolHere', { file: { name: file.name, contentBase64 }, code });
      notifySaved(t('auth.enrol.done'));
      onEnrolled();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('auth.enrol.title')}>
      <Stack gap="sm">
        <Divider label={t('auth.enrol.title')} labelPosition="center" />
        <Text size="sm" c="dimmed">
          {t('auth.enrol.hint')}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <FileInput
          label={t('auth.enrol.file')}
          accept=".parcours-sync"
          value={file}
          onChange={setFile}
        />
        <TextInput
          label={t('auth.enrol.code')}
          placeholder="ABCD-EFGH-JKLM"
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <Button type="submit" variant="default" loading={pending} disabled={!file || !code.trim()}>
          {t('auth.enrol.submit')}
        </Button>
      </Stack>
    </form>
  );
}
