/**
 * Where mail goes: the SMTP server in SMTP_URL, or, on the embedded defaults, `.eml` files
 * in DATA_DIR/mail that any mail program opens, so a fresh install needs no mail server.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Logger } from '../../lib/logger';
import type { OutgoingMail } from './message';

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** Where mail goes, for the log. */
  readonly target: string;
}

export function createMailTransport(config: Config, logger: Logger): MailTransport {
  if (config.SMTP_URL) {
    // No pool: each send opens its own connection, so a server that comes back is used at once.
    const smtp = nodemailer.createTransport(config.SMTP_URL);
    const target = new URL(config.SMTP_URL).host;
    logger.info({ smtp: target }, 'mail goes to the SMTP server');
    return {
      target,
      async send(mail) {
        await smtp.sendMail({ from: config.MAIL_FROM, ...mail });
      },
    };
  }
  const dir = path.join(config.DATA_DIR, 'mail');
  const files = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  logger.info({ dir }, 'no SMTP_URL: mail is written as .eml files');
  return {
    target: dir,
    async send(mail) {
      const info = await files.sendMail({ from: config.MAIL_FROM, ...mail });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const id = info.messageId.replace(/[^A-Za-z0-9.-]/g, '');
      const file = path.join(dir, `${stamp}-${id}.eml`);
      await writeFile(file, info.message as Buffer);
      logger.info({ file, to: mail.to }, 'mail written');
    },
  };
}
