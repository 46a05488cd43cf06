/**
 * One email as it is queued: already composed, so the send job only delivers it. Every
 * message has a plain-text and an HTML part and names its area; everything that is not a
 * security message carries a one-click unsubscribe (RFC 8058).
 */
import { z } from 'zod';

export const ZOutgoingMail = z.object({
  to: z.string().min(3).max(254),
  subject: z.string().min(1).max(300),
  text: z.string().min(1),
  html: z.string().min(1),
  headers: z.record(z.string(), z.string()),
});
export type OutgoingMail = z.infer<typeof ZOutgoingMail>;

export interface MailContent {
  to: string;
  /** The area the email is about (or the account's home area). */
  areaName: string;
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /** Lines listed under the paragraphs (a digest's items), each with an optional link. */
  items?: { text: string; url?: string | null }[];
  action?: { label: string; url: string };
  /**
   * Null for security messages (verification, password reset), which cannot be turned off.
   * `oneClick` takes the RFC 8058 POST; `page` is the link a person opens from the footer.
   */
  unsubscribe: { oneClick: string; page: string } | null;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function composeMail(content: MailContent): OutgoingMail {
  const { areaName, action, unsubscribe, items = [] } = content;
  const footer = unsubscribe
    ? `You get this because you play GovCraft in ${areaName}. Stop these emails: ${unsubscribe.page}`
    : `You get this because of a change to your GovCraft account in ${areaName}. If it was not you, you can ignore it.`;
  const text = [
    ...content.paragraphs,
    ...(items.length
      ? [items.map((i) => `- ${i.text}${i.url ? `\n  ${i.url}` : ''}`).join('\n')]
      : []),
    ...(action ? [`${action.label}: ${action.url}`] : []),
    '--',
    footer,
  ].join('\n\n');
  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    `<p style="color:#505a5f">GovCraft · ${escapeHtml(areaName)}</p>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    items.length
      ? `<ul>${items.map((i) => `<li>${i.url ? link(i.url, i.text) : escapeHtml(i.text)}</li>`).join('')}</ul>`
      : '',
    action
      ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:8px 16px;background:#00703c;color:#fff;text-decoration:none">${escapeHtml(action.label)}</a></p>`
      : '',
    `<hr><p style="color:#505a5f;font-size:small">${
      unsubscribe
        ? `You get this because you play GovCraft in ${escapeHtml(areaName)}. ${link(unsubscribe.page, 'Stop these emails')}.`
        : escapeHtml(footer)
    }</p>`,
    '</body></html>',
  ].join('\n');
  const headers: Record<string, string> = unsubscribe
    ? {
        'List-Unsubscribe': `<${unsubscribe.oneClick}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      }
    : {};
  return { to: content.to, subject: `${content.subject} – ${areaName}`, text, html, headers };
}
