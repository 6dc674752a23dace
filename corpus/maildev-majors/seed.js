// The fixed mail both maildev servers catch before the library runs, and a
// minimal SMTP client (one message per connection; no extension is used).
import { connect } from 'node:net';

const crlf = (lines) => `${lines.join('\r\n')}\r\n`;

export const messages = [
  {
    from: 'alice@example.com',
    to: ['bob@example.com'],
    data: crlf([
      'From: Alice <alice@example.com>',
      'To: Bob <bob@example.com>',
      'Subject: Lunch on Friday',
      'Date: Tue, 03 Nov 2026 10:00:00 +0000',
      'Message-ID: <lunch-1@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Shall we meet at noon?',
    ]),
  },
  {
    from: 'billing@shop.example',
    to: ['bob@example.com', 'dave@example.com'],
    data: crlf([
      'From: Shop Billing <billing@shop.example>',
      'To: bob@example.com',
      'Cc: dave@example.com',
      'Subject: Invoice 42',
      'Date: Tue, 03 Nov 2026 11:30:00 +0000',
      'Message-ID: <invoice-42@shop.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your invoice 42 is attached. Total: 12.50 EUR',
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><body><p>Your invoice <b>42</b> is attached.</p><p>Total: 12.50 EUR</p></body></html>',
      '--inner--',
      '--outer',
      'Content-Type: text/plain; name="invoice-42.txt"',
      'Content-Disposition: attachment; filename="invoice-42.txt"',
      '',
      'Invoice 42: one teapot, 12.50 EUR',
      '--outer--',
    ]),
  },
];

/** Sends one message to 127.0.0.1:port over SMTP; resolves after QUIT. */
export function sendMail(port, { from, to, data }) {
  const commands = [
    'EHLO corpus.local',
    `MAIL FROM:<${from}>`,
    ...to.map((address) => `RCPT TO:<${address}>`),
    'DATA',
    `${data.replace(/^\./gm, '..')}.`,
    'QUIT',
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = '';
    let step = -1; // -1: waiting for the greeting
    socket.setEncoding('utf8');
    socket.setTimeout(10_000, () => socket.destroy(new Error('SMTP timeout')));
    socket.on('error', reject);
    socket.on('close', () =>
      step >= commands.length ? resolve() : reject(new Error('SMTP closed')),
    );
    socket.on('data', (chunk) => {
      buffer += chunk;
      // A reply is complete at a line "NNN text" (a space after the code).
      for (;;) {
        const end = buffer.search(/^\d{3} .*\r\n/m);
        if (end < 0) return;
        const lineEnd = buffer.indexOf('\r\n', end) + 2;
        const code = Number(buffer.slice(end, end + 3));
        buffer = buffer.slice(lineEnd);
        if (code >= 400) return socket.destroy(new Error(`SMTP ${code} after step ${step}`));
        step++;
        if (step < commands.length) socket.write(`${commands[step]}\r\n`);
      }
    });
  });
}
