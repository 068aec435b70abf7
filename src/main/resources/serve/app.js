// The web page of disclosure-extractor: uploads, batches with progress, results, a report's values on their page.
// No library and nothing from the network; every text from a report is put in with textContent, never as HTML.
'use strict';

const PAGE_DPI = 110; // the server renders pages at this resolution: 1 pt = PAGE_DPI / 72 px
const KINDS = {final_accounts: '决算', budget: '预算', performance_evaluation: '绩效自评'};
let fields = {};      // key -> {zh, unit}
let current = null;   // the batch whose results are shown
let polling = null;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

async function api(path, options) {
  const opts = Object.assign({headers: {}}, options || {});
  opts.headers['X-Requested-With'] = 'disclosure-extractor';
  const r = await fetch(path, opts);
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) throw new Error(body && body.error ? body.error : ('HTTP ' + r.status));
  return body;
}

// ---- uploads -------------------------------------------------------------------------------------------------
async function upload(files) {
  const log = document.getElementById('upload-log');
  log.textContent = '';
  if (!files.length) return;
  const batch = await api('/api/batches', {method: 'POST'});
  let stored = 0;
  for (const f of files) {
    const li = el('li', {}, f.name + ' … ');
    log.append(li);
    try {
      const r = await api('/api/batches/' + batch.id + '/files?name=' + encodeURIComponent(f.name),
        {method: 'POST', body: f});
      stored += r.stored.length;
      li.append(r.stored.length === 1 ? '已加入' : '已加入 ' + r.stored.length + ' 个文件');
    } catch (e) {
      li.className = 'refused';
      li.append('未加入：' + e.message);
    }
  }
  if (stored === 0) {
    await api('/api/batches/' + batch.id, {method: 'DELETE'});
    return;
  }
  await api('/api/batches/' + batch.id + '/start', {method: 'POST'});
  location.hash = 'batch=' + batch.id;
  await refreshBatches();
}

function setUpDrop() {
  const drop = document.getElementById('drop');
  const picker = document.getElementById('picker');
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault(); drop.classList.remove('over');
    upload([...e.dataTransfer.files]).catch(showError);
  });
  picker.addEventListener('change', () => { upload([...picker.files]).catch(showError); picker.value = ''; });
}

function showError(e) {
  const log = document.getElementById('upload-log');
  log.append(el('li', {class: 'refused'}, e.message));
}

// ---- batches -------------------------------------------------------------------------------------------------
const STATES = {open: '待开始', queued: '排队中', running: '处理中', done: '完成', cancelled: '已停止', failed: '失败'};

async function refreshBatches() {
  const list = await api('/api/batches');
  const ul = document.getElementById('batch-list');
  ul.textContent = '';
  document.getElementById('no-batches').hidden = list.length > 0;
  let busy = false;
  for (const b of list) {
    busy = busy || b.state === 'queued' || b.state === 'running';
    const bar = el('progress', {max: Math.max(1, b.files), value: b.finished, 'data-batch': b.id});
    const li = el('li', {'data-batch': b.id, 'data-state': b.state},
      el('strong', {}, new Date(b.created).toLocaleString('zh-CN')), ' ',
      b.files + ' 个文件（' + b.names.slice(0, 3).join('、') + (b.names.length > 3 ? '……' : '') + '） ',
      bar, ' ', el('span', {class: 'progress-text'}, b.finished + ' / ' + b.files + ' ' + (STATES[b.state] || b.state)),
      b.message ? el('span', {class: 'refused'}, ' ' + b.message) : null,
      el('button', {onclick: () => { location.hash = 'batch=' + b.id; }}, '查看结果'),
      el('button', {class: 'remove', onclick: () => removeBatch(b.id)}, '删除'));
    ul.append(li);
  }
  clearTimeout(polling);
  if (busy) polling = setTimeout(() => refreshBatches().then(route).catch(() => {}), 700);
  return list;
}

async function removeBatch(id) {
  if (!confirm('删除这个批次及其文件和结果？')) return;
  await api('/api/batches/' + id, {method: 'DELETE'});
  if (current === id) location.hash = '';
  await refreshBatches();
}

// ---- results -------------------------------------------------------------------------------------------------
const COLUMNS = [
  ['name', '文件'], ['doc.department', '部门'], ['region', '地区'], ['doc.fiscal_year', '年度'], ['kind', '类型'],
  ['totals.grand_total', '收支总计（万元）', 'num'], ['expenditure.total', '本年支出（万元）', 'num'],
  ['three_public', '“三公”经费（万元）', 'num'], ['three_public.reception', '公务接待费（万元）', 'num'],
  ['findings', '发现', 'num'], ['reason', '说明']];
let rows = [];
let sortKey = null, sortUp = true;

function cell(row, key) {
  if (key === 'region') return [row['doc.region.province'], row['doc.region.city'], row['doc.region.county']].filter(Boolean).join(' ');
  if (key === 'kind') return KINDS[row['doc.kind']] || row['doc.kind'] || '';
  if (key === 'three_public') return row['three_public.actual'] !== undefined ? row['three_public.actual'] : row['three_public.budget'];
  if (key === 'findings') return row.findings === undefined ? '' : row.findings + (row.errors ? '（错误 ' + row.errors + '）' : '');
  if (key === 'reason') return row.message || row.reason || '';
  const v = row[key];
  return v === undefined || v === null ? '' : v;
}

async function showResults(id) {
  current = id;
  document.getElementById('results').hidden = false;
  document.getElementById('report').hidden = true;
  document.getElementById('results-title').textContent = '';
  for (const [a, f] of [['dl-csv', 'records.csv'], ['dl-xlsx', 'records.xlsx'], ['dl-json', 'records.jsonl']]) {
    document.getElementById(a).href = '/api/batches/' + id + '/download/' + f;
  }
  rows = await api('/api/batches/' + id + '/reports');
  renderTable();
}

function renderTable() {
  const table = document.getElementById('report-table');
  const head = table.tHead; head.textContent = '';
  const tr = el('tr');
  for (const [key, title] of COLUMNS) {
    tr.append(el('th', {'data-key': key, onclick: () => { sortUp = sortKey === key ? !sortUp : true; sortKey = key; renderTable(); }},
      title + (sortKey === key ? (sortUp ? ' ▲' : ' ▼') : '')));
  }
  head.append(tr);
  const filter = document.getElementById('filter').value.trim();
  let shown = rows.filter(r => !filter || COLUMNS.some(([k]) => String(cell(r, k)).includes(filter)));
  if (sortKey) {
    shown = shown.slice().sort((a, b) => {
      const x = cell(a, sortKey), y = cell(b, sortKey);
      const nx = typeof x === 'number' || (x !== '' && !isNaN(x)), ny = typeof y === 'number' || (y !== '' && !isNaN(y));
      const c = nx && ny ? Number(x) - Number(y) : String(x).localeCompare(String(y), 'zh-CN');
      return sortUp ? c : -c;
    });
  }
  const body = table.tBodies[0]; body.textContent = '';
  for (const r of shown) {
    const row = el('tr', r.report !== undefined ? {class: 'clickable', 'data-report': r.report,
      onclick: () => { location.hash = 'batch=' + current + '&report=' + r.report; }} : {});
    for (const [key, , cls] of COLUMNS) {
      const td = el('td', cls ? {class: cls, 'data-key': key} : {'data-key': key}, cell(r, key));
      if (key === 'findings' && r.errors) td.classList.add('error');
      row.append(td);
    }
    body.append(row);
  }
}

// ---- one report ----------------------------------------------------------------------------------------------
function flatten(node, prefix, out) {
  for (const [k, v] of Object.entries(node)) {
    if (['source', 'findings', 'tables', 'reason', 'name', 'file_number'].includes(k) && !prefix) continue;
    const key = prefix ? prefix + '.' + k : k;
    if (v && typeof v === 'object' && 'value' in v && 'provenance' in v) out.push({key, value: v.value, unit: v.unit, provenance: v.provenance});
    else if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
  }
  return out;
}

async function showReport(id, index) {
  current = id;
  const rec = await api('/api/batches/' + id + '/reports/' + index);
  document.getElementById('results').hidden = true;
  const section = document.getElementById('report');
  section.hidden = false;
  const dept = rec.doc && rec.doc.department ? rec.doc.department.value : rec.name;
  const year = rec.doc && rec.doc.fiscal_year ? rec.doc.fiscal_year.value + '年' : '';
  const kind = rec.doc && rec.doc.kind ? KINDS[rec.doc.kind.value] || '' : '';
  document.getElementById('report-title').textContent = dept + ' ' + year + kind;
  document.getElementById('report-source').textContent = rec.name + (rec.source.pages ? '，' + rec.source.pages + ' 页' : '') + (rec.reason ? '。' + rec.reason : '');
  const values = flatten(rec, '', []);
  const bySection = new Map();
  for (const v of values) {
    const s = v.provenance.section || '（报告开头）';
    if (!bySection.has(s)) bySection.set(s, []);
    bySection.get(s).push(v);
  }
  const box = document.getElementById('values'); box.textContent = '';
  for (const [s, vs] of bySection) {
    box.append(el('h4', {}, s));
    const t = el('table', {}, el('tr', {}, el('th', {}, '项目'), el('th', {}, '数值'), el('th', {}, '页'), el('th', {}, '原文')));
    for (const v of vs) {
      const label = fields[v.key] ? fields[v.key].zh : v.key;
      const shown = v.value + (v.unit ? ' ' + v.unit : '');
      const valueCell = el('span', {class: 'value', 'data-key': v.key, tabindex: 0}, shown);
      valueCell.addEventListener('click', () => locate(rec, v, valueCell));
      // a figure read by OCR from a page's image: marked, with the engine's confidence, as it may be misread
      const ocr = v.provenance.ocr ? el('span', {class: 'ocr', title: 'OCR识别，置信度 ' + v.provenance.confidence},
        'OCR ' + Math.round(v.provenance.confidence)) : '';
      t.append(el('tr', {}, el('td', {title: v.key}, label), el('td', {class: 'num'}, valueCell, ocr),
        el('td', {class: 'num'}, v.provenance.page || ''), el('td', {}, v.provenance.text || '')));
    }
    box.append(t);
  }
  renderFindings(rec);
  renderItems(rec);
  document.getElementById('viewer').textContent = '';
  document.getElementById('viewer').append(el('p', {class: 'hint'}, '点击左侧任一数字，查看它在报告中的位置。'));
}

function renderFindings(rec) {
  const f = document.getElementById('findings'); f.textContent = '';
  if (!rec.findings || !rec.findings.length) { f.append(el('p', {}, '报告的数字前后一致，未发现问题。')); return; }
  for (const x of rec.findings) {
    const label = x.severity === 'error' ? '错误' : x.severity === 'warning' ? '提示' : '说明';
    const div = el('div', {class: 'finding'}, el('p', {}, el('span', {class: x.severity}, label), ' ', x.message_zh || '',
      el('span', {class: 'hint'}, '（' + x.rule + '）')));
    const seen = new Set();
    for (const v of x.values || []) {
      const p = v.provenance || {};
      const k = p.page + '#' + p.text;
      if (seen.has(k)) continue;
      seen.add(k);
      div.append(el('blockquote', {}, p.text || '', el('br'), el('span', {class: 'hint'}, p.page ? '第' + p.page + '页' : '')));
    }
    f.append(div);
  }
}

function renderItems(rec) {
  const items = rec.tables || [];
  document.getElementById('item-count').textContent = items.length;
  const t = document.getElementById('items');
  t.tHead.textContent = ''; t.tBodies[0].textContent = '';
  t.tHead.append(el('tr', {}, ...['表', '科目编码', '科目名称', '栏目', '金额（万元）', '页'].map(h => el('th', {}, h))));
  for (const i of items) {
    t.tBodies[0].append(el('tr', {}, el('td', {}, i.title || i.table), el('td', {}, i.row_code || ''), el('td', {}, i.row_name || ''),
      el('td', {}, i.column || ''), el('td', {class: 'num'}, i.amount), el('td', {class: 'num'}, i.page || '')));
  }
}

/** Shows where a value stands: its page with the figure's boxes for a PDF, else its sentence with the figure marked. */
function locate(rec, v, node) {
  document.querySelectorAll('.value.selected').forEach(n => n.classList.remove('selected'));
  node.classList.add('selected');
  const viewer = document.getElementById('viewer'); viewer.textContent = '';
  const p = v.provenance;
  viewer.append(el('p', {}, (fields[v.key] ? fields[v.key].zh : v.key) + '：' + v.value + (v.unit ? ' ' + v.unit : '') +
    (p.page ? '，第' + p.page + '页' : '') + '（规则 ' + p.rule + '）'));
  const sentence = el('p', {class: 'sentence'});
  const text = p.text || '';
  if (p.span && p.span[1] > p.span[0]) {
    sentence.append(text.slice(0, p.span[0]), el('mark', {}, text.slice(p.span[0], p.span[1])), text.slice(p.span[1]));
  } else sentence.append(text);
  viewer.append(sentence);
  const boxes = (p.boxes || []);
  if (rec.source.format === 'pdf' && boxes.length && rec.file_number > 0) {
    const page = boxes[0][0];
    const frame = el('div', {class: 'page'});
    const img = el('img', {alt: '第' + page + '页', src: '/api/batches/' + current + '/files/' + rec.file_number + '/pages/' + page + '.png'});
    frame.append(img);
    const scale = PAGE_DPI / 72;
    for (const b of boxes.filter(b => b[0] === page)) {
      const d = el('div', {class: 'box'});
      d.style.left = (b[1] * scale - 3) + 'px'; d.style.top = (b[2] * scale - 3) + 'px';
      d.style.width = ((b[3] - b[1]) * scale + 6) + 'px'; d.style.height = ((b[4] - b[2]) * scale + 6) + 'px';
      frame.append(d);
    }
    viewer.append(frame);
    img.addEventListener('load', () => {
      const first = frame.querySelector('.box');
      if (first) viewer.scrollTop = Math.max(0, first.offsetTop - 120);
    });
  }
}

// ---- navigation: the hash keeps what is shown, so a reload comes back to it ------------------------------------
async function route() {
  const h = new URLSearchParams(location.hash.slice(1));
  const id = h.get('batch');
  if (!id) { document.getElementById('results').hidden = true; document.getElementById('report').hidden = true; return; }
  if (h.has('report')) {
    if (document.getElementById('report').hidden || current !== id) await showReport(id, Number(h.get('report')));
  } else {
    await showResults(id);
  }
}

window.addEventListener('hashchange', () => route().catch(showError));
document.addEventListener('DOMContentLoaded', async () => {
  setUpDrop();
  document.getElementById('filter').addEventListener('input', renderTable);
  document.getElementById('back').addEventListener('click', e => { e.preventDefault(); location.hash = 'batch=' + current; });
  try {
    fields = await api('/api/fields');
    await refreshBatches();
    await route();
  } catch (e) { showError(e); }
});
