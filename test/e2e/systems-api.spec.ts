/**
 * Settings → Systems API on the real core: a supervisor turns the API on, sees its address, creates
 * a token (shown once, copied), a WMS calls the API with it, and once revoked the token is refused.
 */
import { expect, test } from '@playwright/test';
import { openStation, startStation } from '../support/e2e-station';
import { freePort } from '../support/free-port';

test('turn the API on, create a token, call the API with it, revoke it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const station = await startStation();
  try {
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    const section = page.getByTestId('systems-api-settings');
    await expect(section.getByTestId('systems-api-status')).toHaveText('The Station API is off.');
    const port = await freePort();
    await section.getByTestId('systems-api-enabled').check();
    await section.getByTestId('systems-api-port').fill(String(port));
    await section.getByTestId('save-systems-api').click();
    await expect(section.getByTestId('systems-api-url')).toHaveText(`http://127.0.0.1:${port}`);

    await section.getByTestId('api-token-name').fill('WMS production');
    await section.getByTestId('api-scope-buy').uncheck();
    await section.getByTestId('create-api-token-button').click();
    const secret = (await section.getByTestId('new-api-token-value').textContent())!.trim();
    expect(secret).toMatch(/^lsk_/);
    await section.getByTestId('copy-api-token').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await section.getByTestId('hide-api-token').click();
    await expect(section.getByTestId('new-api-token')).toHaveCount(0);
    await expect(section.getByTestId('api-token-row')).toContainText(['WMS productionread, print']);

    const health = await fetch(`http://127.0.0.1:${port}/v1/health`, { headers: { authorization: `Bearer ${secret}` } });
    expect(health.status).toBe(200);

    await section.getByTestId('revoke-api-token').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(section.getByTestId('api-token-row')).toContainText(['revoked']);
    const refused = await fetch(`http://127.0.0.1:${port}/v1/health`, { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status).toBe(401);
  } finally {
    await station.close();
  }
});
