/** A reprint asks why: picks a reason in the dialog the way a packer does (1 = "Label damaged"). */
import type { Page } from '@playwright/test';

export async function chooseReprintReason(page: Page, key = '1'): Promise<void> {
  await page.getByTestId('reprint-reason-dialog').waitFor();
  await page.keyboard.press(key);
}
