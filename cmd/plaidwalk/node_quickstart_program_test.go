package main

// quickstartButtonsJS stands in for Plaid's quickstart, one instance per product set, all run
// at once in one Node process against one emulator. Its argument is the sets as JSON
// ([{name, products, buttons}]); for each set it makes the link token as the quickstart's
// /api/create_link_token does (statements' window when the products include statements),
// links through the emulated Link (quickstartPrelude) and clicks the set's buttons one after
// the other. routes are the quickstart backend's routes, making its calls in its order with the
// plaid npm package; draw is what its React frontend reads of each answer, one row per line it
// draws, with undefined kept as null so a missing field shows. It prints
// {set: {link_error} | {button: {rows, facts} | {error}}}: a button's error is what the backend
// would hand the frontend (Plaid's error body), or the exception the frontend's code would throw.
const quickstartButtonsJS = quickstartPrelude + `
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pdfHead = (buf) => Buffer.from(buf.toString('base64'), 'base64').subarray(0, 8).toString('latin1');

// The quickstart's transactions loop: an empty next_cursor means the history is not pulled yet.
async function transactionsRoute(ACCESS_TOKEN, facts) {
  let cursor = null; let added = []; let modified = []; let removed = []; let hasMore = true;
  facts.waits = 0;
  while (hasMore) {
    const response = await client.transactionsSync({ access_token: ACCESS_TOKEN, cursor: cursor });
    const data = response.data;
    cursor = data.next_cursor;
    if (cursor === '') { facts.waits++; await sleep(2000); continue; }
    added = added.concat(data.added); modified = modified.concat(data.modified); removed = removed.concat(data.removed);
    hasMore = data.has_more;
  }
  const compareTxnsByDateAscending = (a, b) => (a.date > b.date) - (a.date < b.date);
  facts.added = added.length;
  return { latest_transactions: [...added].sort(compareTxnsByDateAscending).slice(-8) };
}

// The quickstart's getAssetReportWithRetries: every second, up to 20 tries.
async function assetsRoute(ACCESS_TOKEN, facts) {
  const created = await client.assetReportCreate({ access_tokens: [ACCESS_TOKEN], days_requested: 10, options: {
    client_report_id: 'Custom Report ID #123', user: { client_user_id: 'Custom User ID #456', first_name: 'Alice',
      middle_name: 'Bobcat', last_name: 'Cranberry', ssn: '123-45-6789', phone_number: '555-123-4567', email: 'alice@example.com' } } });
  const asset_report_token = created.data.asset_report_token;
  let report;
  for (facts.tries = 1; ; facts.tries++) {
    try { report = await client.assetReportGet({ asset_report_token }); break; } catch (e) {
      if (facts.tries === 20) throw new Error('Ran out of retries while polling for asset report');
      await sleep(1000);
    }
  }
  const pdf = await client.assetReportPdfGet({ asset_report_token }, { responseType: 'arraybuffer' });
  facts.pdf = pdfHead(pdf.data) + ' ' + pdf.headers['content-type'];
  return { json: report.data.report };
}

async function statementsRoute(ACCESS_TOKEN, facts) {
  const statementsListResponse = await client.statementsList({ access_token: ACCESS_TOKEN });
  const pdfRequest = { access_token: ACCESS_TOKEN, statement_id: statementsListResponse.data.accounts[0].statements[0].statement_id };
  const statementsDownloadResponse = await client.statementsDownload(pdfRequest, { responseType: 'arraybuffer' });
  facts.pdf = pdfHead(statementsDownloadResponse.data) + ' ' + statementsDownloadResponse.headers['content-type'];
  return { json: statementsListResponse.data };
}

const routes = {
  auth: async (t) => (await client.authGet({ access_token: t })).data,
  transactions: transactionsRoute,
  identity: async (t) => ({ identity: (await client.identityGet({ access_token: t })).data.accounts }),
  balance: async (t) => (await client.accountsBalanceGet({ access_token: t })).data,
  item: async (t) => {
    const itemResponse = await client.itemGet({ access_token: t });
    const instResponse = await client.institutionsGetById({ institution_id: itemResponse.data.item.institution_id, country_codes: ['US'] });
    return { item: itemResponse.data.item, institution: instResponse.data.institution };
  },
  accounts: async (t) => (await client.accountsGet({ access_token: t })).data,
  holdings: async (t) => ({ holdings: (await client.investmentsHoldingsGet({ access_token: t })).data }),
  investments_transactions: async (t, facts) => {
    const r = await client.investmentsTransactionsGet({ access_token: t, start_date: day(Date.now() - 30 * 864e5), end_date: day(Date.now()) });
    facts.total = r.data.total_investment_transactions;
    return { investments_transactions: r.data };
  },
  liabilities: async (t) => ({ liabilities: (await client.liabilitiesGet({ access_token: t })).data }),
  assets: assetsRoute,
  statements: statementsRoute,
  signal_evaluate: async (t) => {
    const accountsResponse = await client.accountsGet({ access_token: t });
    return (await client.signalEvaluate({ access_token: t, account_id: accountsResponse.data.accounts[0].account_id,
      client_transaction_id: 'txn1234', amount: 100.0 })).data;
  },
};

const byId = (list, key, id) => list.filter((x) => x[key] === id)[0];
const money = (a) => a.balances.available || a.balances.current;
const accountRow = (a) => ({ name: a.name, balance: money(a), subtype: a.subtype, mask: a.mask });
const credit = (c) => ({ type: 'credit card', amount: c.last_statement_balance, date: c.last_payment_date });
const loan = (type) => (l) => ({ type, amount: l.origination_principal_amount, date: l.origination_date });
const draw = {
  auth: (d) => d.numbers.ach.map((n) => ({ ...accountRow(byId(d.accounts, 'account_id', n.account_id)), account: n.account, routing: n.routing })),
  transactions: (d) => d.latest_transactions.map((t) => ({ name: t.name, amount: t.amount, date: t.date,
    category: t.category && t.category.join(', '), personal_finance_category: t.personal_finance_category && t.personal_finance_category.primary })),
  identity: (d) => d.identity[0].owners.map((o) => ({ names: o.names.join(', '), emails: o.emails.map((e) => e.data).join(', '),
    phone_numbers: o.phone_numbers.map((p) => p.data).join(', '),
    addresses: o.addresses.map((a) => a.data.street + ' ' + a.data.city + ', ' + a.data.region + ' ' + a.data.postal_code).join(', ') })),
  balance: (d) => d.accounts.map(accountRow),
  item: (d) => [{ name: d.institution.name, billed_products: d.item.billed_products.join(', '), available_products: d.item.available_products.join(', ') }],
  accounts: (d) => d.accounts.map(accountRow),
  holdings: ({ holdings: h }) => h.holdings.map((x) => {
    const security = byId(h.securities, 'security_id', x.security_id);
    return { mask: byId(h.accounts, 'account_id', x.account_id).mask, name: security.name, quantity: x.quantity, price: security.close_price, value: x.quantity * security.close_price };
  }),
  investments_transactions: ({ investments_transactions: d }) => d.investment_transactions.map((x) => ({
    mask: byId(d.accounts, 'account_id', x.account_id).mask, name: byId(d.securities, 'security_id', x.security_id).name,
    quantity: x.quantity, price: x.price, amount: x.amount, date: x.date })),
  liabilities: ({ liabilities: d }) => [...d.liabilities.credit.map(credit), ...(d.liabilities.mortgage || []).map(loan('mortgage')),
    ...(d.liabilities.student || []).map(loan('student loan'))],
  assets: (d) => d.json.items.flatMap((item) => item.accounts.map((a) => ({ account: a.name, balance: money(a),
    transactions: a.transactions.length, daysAvailable: a.days_available }))),
  statements: (d) => d.json.accounts.flatMap((a) => a.statements.map((s) => ({ account: a.account_name, mask: a.account_mask,
    statement_id: s.statement_id, month: s.month, year: s.year }))),
  signal_evaluate: (d) => [{ customer_initiated: d.scores.customer_initiated_return_risk.score,
    bank_initiated: d.scores.bank_initiated_return_risk.score, result: d.ruleset && d.ruleset.result }],
};

async function runSet(set) {
  const extra = set.products.includes('statements') ? { statements: { start_date: day(Date.now() - 30 * 864e5), end_date: day(Date.now()) } } : {};
  let ACCESS_TOKEN;
  try { ACCESS_TOKEN = await emulatedLink(set.products, extra); } catch (e) { return { link_error: e.response ? e.response.data : String(e) }; }
  const out = {};
  for (const button of set.buttons) {
    const facts = {};
    try { out[button] = { rows: draw[button](await routes[button](ACCESS_TOKEN, facts)), facts }; } catch (e) {
      out[button] = { error: e.response ? e.response.data : String(e) };
    }
  }
  return out;
}

async function main() {
  const sets = JSON.parse(process.argv[2]);
  const results = await Promise.all(sets.map(runSet));
  const out = {};
  sets.forEach((set, i) => { out[set.name] = results[i]; });
  console.log(JSON.stringify(out, (k, v) => (v === undefined ? null : v)));
}
main().catch((e) => { console.error(e); process.exit(1); });
`
