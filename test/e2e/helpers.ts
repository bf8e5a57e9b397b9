import { expect, type Page } from '@playwright/test';

let counter = 0;

/** A unique account for one test: tests never share users. */
export function makeAccount(label = 'user') {
	counter += 1;
	const id = `${Date.now().toString(36)}${counter}`;
	return { name: `${label} ${id}`, email: `${label}-${id}@example.test`, password: 'correct-horse-battery' };
}

export async function signUp(page: Page, account: ReturnType<typeof makeAccount>, path = '/signup') {
	await page.goto(path);
	await page.getByLabel('Name').fill(account.name);
	await page.getByLabel('E-mail address').fill(account.email);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).not.toHaveURL(/\/signup/);
}

export async function createWorkspace(page: Page, name: string) {
	await page.goto('/workspaces');
	await page.getByLabel('Workspace name').fill(name);
	await page.getByRole('button', { name: 'Create workspace' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function createBoard(page: Page, title: string) {
	await page.getByLabel('Journey map title').fill(title);
	await page.getByRole('button', { name: 'Create journey map' }).click();
	await expect(page.getByRole('link', { name: title })).toBeVisible();
}
