import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, signIn } from './helpers.ts';

const LEADER = 'processledare@example.org';
const TALKO_MODEL = 'TALKO: tresektorsgrupp i byarna (4 + 4 + 4 + 1)';

test('anyone finds the models, sees what a model sets up and where it has spread', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Modeller' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samverkansmodeller' })).toBeVisible();
  await expect(page.getByTestId('model-card')).toHaveCount(3);
  const talko = page.getByTestId('model-card').filter({ hasText: TALKO_MODEL });
  await expect(talko).toContainText('Spridd');
  await expectAccessible(page, 'the models list');
  await talko.getByRole('link', { name: TALKO_MODEL }).click();
  await expect(page.getByRole('heading', { level: 1, name: TALKO_MODEL })).toBeVisible();
  await expect(page.getByTestId('model-template')).toContainText('4 offentliga, 4 privata, 4 civilsamhälle, 1 unga');
  await expect(page.getByTestId('spread-text')).toHaveText('Används i 3 kommuner utöver den den kommer från. Modellen räknas som spridd.');
  await expect(page.getByTestId('model-uses').getByRole('row').filter({ hasText: 'Dorotea' })).toContainText('Södra Lappland i samverkan');
  // Not signed in: no "use this model".
  await expect(page.getByRole('button', { name: 'Använd modellen' })).toHaveCount(0);
  await expectAccessible(page, 'a model page');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page, 320);
  await expectAccessible(page, 'a model page on a phone');
});

test('a leader uses a model in a new space of theirs; again creates nothing; the space shows it', async ({ page }) => {
  await signIn(page, LEADER);
  const name = `Byarna i Älvdalen ${Date.now()}`;
  await page.goto('/models');
  await page.getByRole('link', { name: TALKO_MODEL }).click();
  const open = page.getByRole('button', { name: 'Använd modellen' });
  await open.click();
  const dialog = page.getByTestId('apply-dialog');
  await expect(dialog.getByRole('heading', { name: `Använd ”${TALKO_MODEL}”` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Skapa strukturen' }).click();
  await expect(dialog.getByTestId('error-summary')).toBeFocused();
  await dialog.getByLabel(/^Arena/).selectOption({ label: 'En ny arena …' });
  await dialog.getByRole('textbox', { name: /^Den nya arenans namn/ }).fill(name);
  await dialog.getByLabel(/^Kommun/).selectOption({ label: 'Älvdalen' });
  await expectAccessible(page, 'the use-this-model dialog');
  await dialog.getByRole('button', { name: 'Skapa strukturen' }).click();
  await expect(page.getByRole('status')).toHaveText(`Modellen används nu i ${name}: 7 delar skapades.`);
  const row = page.getByTestId('model-uses').getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Älvdalen');

  await open.click();
  await dialog.getByLabel(/^Arena/).selectOption({ label: name });
  await dialog.getByLabel(/^Kommun/).selectOption({ label: 'Älvdalen' });
  await dialog.getByRole('button', { name: 'Skapa strukturen' }).click();
  await expect(page.getByRole('status')).toHaveText(`Modellen används redan i ${name}; inget nytt behövde skapas.`);

  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('space-models')).toContainText(`${TALKO_MODEL} – version 1, Älvdalen`);
  await expectAccessible(page, 'a space that uses a model');
  await page.getByRole('link', { name: 'Arbetsgrupper', exact: true }).first().click();
  await expect(page.getByTestId('group-card')).toHaveCount(2);
});

test('a model file is imported; a bad one lists each problem', async ({ page }) => {
  await signIn(page, LEADER);
  const models = (await (await page.request.get('/api/models')).json()) as { id: string; title: string }[];
  const sok = models.find((m) => m.title.startsWith('SÖK'))!;
  const file = (await (await page.request.get(`/api/models/${sok.id}/export.json`)).json()) as { formatVersion: number; model: { originMunicipalityCode: string } };
  await page.goto('/models/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importera en samverkansmodell' })).toBeVisible();
  const bad = { ...file, formatVersion: 9, model: { ...file.model, originMunicipalityCode: 'Luleå' } };
  await page.getByLabel(/^Modellfil/).setInputFiles({ name: 'sok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.getByRole('button', { name: 'Importera' }).click();
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('listitem')).toHaveCount(2);
  await expect(errors).toContainText('formatVersion');
  await expect(errors).toContainText('model.originMunicipalityCode');
  await expectAccessible(page, 'the import page with errors');
  await page.getByLabel(/^Modellfil/).setInputFiles({ name: 'sok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Importera' }).click();
  await expect(page.getByText('Modellen är importerad.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'SÖK: kunskapsdialoger till överenskommelse' })).toBeVisible();
  await expect(page.getByText('Importerad', { exact: true })).toBeVisible();
});
