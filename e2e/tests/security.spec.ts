// The Content-Security-Policy holds on every screen, and what a seller types is only ever text.
import { test, expect, openApp, chooseNeighbourhood, signUp, expectAllSynced, publish, serverListings, writeDraft } from '../support/fixtures.js';

test('the app runs under its Content-Security-Policy, and script and HTML typed into a listing are shown as text and never run', async ({ page, newDevice, server }) => {
  await test.step('the app runs under its Content-Security-Policy without a single violation', async () => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto('/');
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response!.headers()['content-security-policy']).not.toContain("script-src 'self' 'unsafe-inline'");
    await openApp(page);
    // A few screens, each seen whole before the next.
    await page.getByText('Nintendo Switch OLED + 2 games').click();
    await expect(page.getByRole('heading', { name: 'Nintendo Switch OLED + 2 games', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Neighbourhood', exact: true }).click();
    await expect(page.getByRole('searchbox', { name: 'Search neighbourhoods' })).toBeVisible();
    await page.getByRole('link', { name: 'Sell', exact: true }).click();
    await expect(page.locator('input[name=title]')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });

  await test.step('script and HTML typed into a listing are shown as text and never run', async () => {
    const title = '<img src=x onerror="window.__pwned=1">Lamp';
    const description = '<script>window.__pwned=2</script><b id="injected">bold</b> & "quotes"';
    await signUp(page);
    await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
    await writeDraft(page, { title, price: '1000', category: 'household', description });
    await publish(page);
    await expectAllSynced(page);
    expect((await serverListings(server)).some((l) => l.title === title)).toBe(true);

    // Another device renders it from the server's copy.
    const other = await newDevice();
    await openApp(other, server.url);
    for (const viewer of [page, other]) {
      await viewer.goto('/');
      const card = viewer.getByTestId('listing-card').filter({ hasText: 'Lamp' });
      await expect(card).toContainText(title);
      await card.click();
      await expect(viewer).toHaveURL(/\/listings\//);
      await expect(viewer.getByRole('heading', { name: title, level: 1 })).toBeVisible();
      await expect(viewer.getByText(description)).toBeVisible();
      expect(await viewer.locator('#injected').count()).toBe(0);
      expect(await viewer.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    }
  });
});
