// Temporary: screenshots of the business screens for a look (not committed).
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect, expectAllSent, readMeta, syncNow } from '../support/fixtures.js';
import { buyerInSunae } from '../support/trading.js';
import { at } from '../support/places.js';

const SHOP = '수내 소금빵 베이커리';

async function openShop(page: Page): Promise<string> {
  const placeId = (await readMeta<{ neighbourhoods: { id: string; active: boolean }[] }>(page, 'profile'))!.neighbourhoods.find((n) => n.active)!.id;
  const { latitude: lat, longitude: lng, accuracy } = at('kr-bundang-sunae');
  const id = randomUUID();
  await page.evaluate(
    async ({ id, placeId, shop, fix }) => {
      await fetch('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: crypto.randomUUID(), mutations: [{ mutationId: crypto.randomUUID(), seq: 1, name: 'business.create', args: { id, name: shop, category: 'bakery', neighbourhoodId: placeId }, createdAt: Date.now(), fix: { ...fix, takenAt: Date.now() } }] }),
      });
    },
    { id, placeId, shop: SHOP, fix: { lat: lat + 0.0002, lng: lng - 0.0001, accuracy } },
  );
  return id;
}

async function shoot(page: Page, path: string, name: string) {
  for (const [w, h] of [[390, 844], [1280, 800]] as const) {
    for (const locale of ['en', 'ko']) {
      await page.setViewportSize({ width: w, height: h });
      await page.evaluate((l) => localStorage.setItem('dongne.locale', l), locale);
      await page.goto(path);
      await page.waitForTimeout(700);
      if (w === 390) {
        const wide = await page.evaluate(() => {
          const out: string[] = [String(document.documentElement.scrollWidth)];
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.right > 391) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}`);
          }
          return out.slice(0, 8).join(' | ');
        });
        console.log(name, locale, wide);
      }
      await page.screenshot({ path: `/tmp/biz-shots/${name}-${locale}-${w}.png`, fullPage: w === 390 });
    }
  }
  await page.evaluate(() => localStorage.setItem('dongne.locale', 'en'));
}

test('screens', async ({ page, newDevice }) => {
  test.setTimeout(300_000);
  await buyerInSunae(page);
  const id = await openShop(page);
  await syncNow(page);
  await page.goto(`/businesses/${id}/edit`);
  await page.getByRole('textbox', { name: 'Phone' }).fill('031-712-0046');
  await page.getByRole('textbox', { name: 'Address' }).fill('성남시 분당구 수내로 46');
  await page.getByRole('textbox', { name: 'Hours' }).fill('월–토 8:00–20:00\n일요일 휴무');
  await page.getByRole('textbox', { name: 'Description' }).fill('매일 아침 굽는 소금빵 전문점. 수내역 2번 출구에서 3분.');
  await page.getByTestId('business-save').click();
  await page.getByRole('link', { name: 'Post news or a coupon' }).click();
  await page.getByRole('radio', { name: 'Coupon' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('소금빵 2+1 쿠폰');
  await page.getByRole('textbox', { name: 'Details' }).fill('이번 주 금요일까지, 이 화면을 보여 주세요');
  await page.getByRole('textbox', { name: 'Valid until (optional)' }).fill('2030-12-31');
  await page.getByTestId('business-publish').click();
  await expectAllSent(page);
  const neighbour = await newDevice();
  await buyerInSunae(neighbour);
  await syncNow(neighbour);
  await neighbour.goto(`/businesses/${id}`);
  await neighbour.getByTestId('business-follow').click();
  await neighbour.getByTestId('business-write-review').click();
  await neighbour.getByRole('radio', { name: '4 stars' }).click();
  await neighbour.getByRole('textbox', { name: 'Your review' }).fill('빵이 정말 맛있어요. 아침 일찍 가야 소금빵이 있어요!');
  await neighbour.getByTestId('business-review-submit').click();
  await expectAllSent(neighbour);
  await syncNow(page);
  await shoot(page, '/businesses', 'list');
  await shoot(page, `/businesses/${id}`, 'profile-owner');
  await shoot(page, `/businesses/${id}/edit`, 'edit');
  await shoot(page, `/businesses/${id}/post`, 'post');
  await shoot(neighbour, `/businesses/${id}`, 'profile-neighbour');
  await shoot(neighbour, `/businesses/${id}/review`, 'review');
  await shoot(neighbour, '/board', 'board');
  await shoot(neighbour, `/search?q=${encodeURIComponent('소금빵')}&in=businesses`, 'search');
  expect(true).toBe(true);
});
