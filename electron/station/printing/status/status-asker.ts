/**
 * Printer status as the screens ask for it, every couple of seconds: one question at a time per
 * printer (several windows, or a screen and Settings, share it), and no second connection opened
 * while a label is being sent to that printer (a printer's
 * raw port often takes one connection at a time: the question would wait, look like silence and
 * read as a fault). While it prints, the last answer stands.
 */
import type { PrinterSettings } from '../../../../shared/domain/printers';
import { printerStatus } from './printer-status';

type Answer = Awaited<ReturnType<typeof printerStatus>>;

export interface StatusAskerDeps {
  ask?: (printer: PrinterSettings) => Promise<Answer>;
}

export type AskPrinterStatus = (printer: PrinterSettings, sending: boolean) => Promise<Answer>;

export function createStatusAsker({ ask = printerStatus }: StatusAskerDeps = {}): AskPrinterStatus {
  const last = new Map<string, Answer>();
  const asking = new Map<string, Promise<Answer>>();
  return (printer, sending) => {
    const key = `${printer.address}\u0000${printer.language}`;
    const known = last.get(key);
    if (known && sending) return Promise.resolve(known);
    const running = asking.get(key);
    if (running) return running;
    const question = ask(printer)
      .then((answer) => {
        last.set(key, answer);
        return answer;
      })
      .finally(() => asking.delete(key));
    asking.set(key, question);
    return question;
  };
}
