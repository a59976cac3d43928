/**
 * Screenshots of Settings → Systems API on the real core: the API listening on loopback with its
 * address, a token list (one used by a call, one revoked), and a new token shown once with Copy.
 * Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR systems-api` runs only these.
 */
import { freePort } from '../test/support/free-port';
import { openStation } from '../test/support/e2e-station';
import type { ScreenshotKit } from './screenshot-splitter';

export async function systemsApiScreens(kit: ScreenshotKit): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const port = await freePort();
    const station = await kit.start({
      seed: async (core) => {
        await core.handlers.updateSettings({ systemsApi: { enabled: true, host: '127.0.0.1', port } });
        const wms = await core.handlers.createApiToken({ name: 'WMS production', scopes: ['read', 'print', 'buy'] });
        await core.handlers.createApiToken({ name: 'BI reports', scopes: ['read'] });
        const old = await core.handlers.createApiToken({ name: 'Old ERP', scopes: ['read', 'buy'] });
        await core.handlers.revokeApiToken({ tokenId: old.token.id });
        await fetch(`http://127.0.0.1:${port}/v1/health`, { headers: { authorization: `Bearer ${wms.secret}` } });
      },
    });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    const section = page.getByTestId('systems-api-settings');
    const toTop = () => section.locator('h2').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await toTop();
    await page.getByTestId('systems-api-url').waitFor();
    await kit.shot(page, 'a0-settings-systems-api');

    await page.getByTestId('api-token-name').fill('Packing dashboard');
    await page.getByTestId('api-scope-buy').uncheck();
    await page.getByTestId('create-api-token-button').click();
    await page.getByTestId('new-api-token').waitFor();
    await page.getByTestId('new-api-token').scrollIntoViewIfNeeded();
    await kit.shot(page, 'a1-settings-systems-api-new-token');

    await page.getByTestId('revoke-api-token').first().click();
    await page.getByRole('dialog').waitFor();
    await kit.shot(page, 'a1b-settings-systems-api-revoke');
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // A public address is refused before it is saved, with the words of the setting's rule.
    await page.getByTestId('systems-api-host').fill('8.8.8.8');
    await page.getByTestId('save-systems-api').click();
    await section.getByText('warehouse network (10.x').first().waitFor();
    await toTop();
    await kit.shot(page, 'a2-settings-systems-api-public-address');
  });
}
