import { currentChinaMonth, periodOfMonth, renderStatement, saveCsv, type Statement } from '../statements/statement-view.js';
import { api } from './api.js';
import { $, toast } from './dom.js';
import { dateTime, money } from './format.js';
import { currentLanguage, tr, type WordKey } from './i18n.js';
import { currentToken } from './session.js';
import { fail, startWorkspace } from './workspace.js';

/**
 * The pavilion's statement for a month (China time): figures, entries and the CSV, from
 * GET /api/pavilion/statements. Re-rendered when the month or the language changes.
 */
const picker = $<HTMLInputElement>('[data-statement-month]');
const words = { tr: (key: string, vars?: Record<string, string | number>) => tr(key as WordKey, vars), money, dateTime };
let shown: Statement | null = null;

void startWorkspace().then(async (workspace) => {
  if (!workspace) return;
  picker.value = currentChinaMonth();
  picker.addEventListener('change', () => void load());
  $('[data-statement-csv]').addEventListener('click', () => void download());
  document.addEventListener('workspace:language', () => shown && renderStatement(document, shown, words));
  await load();
});

const query = () => {
  const { from, to } = periodOfMonth(picker.value || currentChinaMonth());
  return `from=${from}&to=${to}`;
};

async function load(): Promise<void> {
  try {
    shown = await api<Statement>(`/statements?${query()}`);
    renderStatement(document, shown, words);
    document.body.dataset.statement = 'ready';
  } catch (error) {
    await fail(error);
  }
}

/** The CSV needs the bearer token, so it is fetched and saved rather than linked. */
async function download(): Promise<void> {
  const token = currentToken();
  if (!token) return;
  const response = await fetch(`/api/pavilion/statements?${query()}&format=csv&lang=${currentLanguage()}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) return toast(response.statusText, 'bad');
  await saveCsv(response, `statement-${picker.value}.csv`);
}
