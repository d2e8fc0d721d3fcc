import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { outbox } from './schema.ts';

export interface Mailer {
  send(db: Db, msg: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Every message is written to the outbox first. With SMTP settings it is then sent over SMTP;
 * without, it stays in the outbox, and outside production its body is also written to the log (never the
 * recipient address) so a developer can follow a sign-in link.
 */
export function createMailer(config: Config, log: Pick<FastifyBaseLogger, 'info' | 'error'>): Mailer {
  const transport: Transporter | null = config.SMTP_HOST
    ? nodemailer.createTransport({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
        tls: { rejectUnauthorized: config.NODE_ENV === 'production' },
      })
    : null;
  return {
    async send(db, msg) {
      const [row] = await db
        .insert(outbox)
        .values({ toAddress: msg.to, subject: msg.subject, textBody: msg.text, status: transport ? 'queued' : 'logged' })
        .returning({ id: outbox.id });
      if (!transport) {
        // A body can hold a name or a sign-in link: only a development server shows it in the log.
        if (config.NODE_ENV === 'production') log.info({ outboxId: row!.id, subject: msg.subject }, 'mail written to outbox (no SMTP server is set)');
        else log.info({ outboxId: row!.id, subject: msg.subject }, `mail written to outbox:\n${msg.text}`);
        return;
      }
      try {
        await transport.sendMail({ from: config.MAIL_FROM, to: msg.to, subject: msg.subject, text: msg.text });
        await db.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(eq(outbox.id, row!.id));
      } catch (err) {
        log.error({ outboxId: row!.id, err: (err as Error).message }, 'mail could not be sent');
        await db.update(outbox).set({ status: 'failed', error: (err as Error).message.slice(0, 500) }).where(eq(outbox.id, row!.id));
      }
    },
  };
}
