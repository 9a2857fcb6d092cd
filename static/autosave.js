// Kapok autosave: every field of an application form is saved on the server shortly after it
// changes, with the version of the field this page last saw. The server refuses a save that
// would overwrite newer text (another tab, another device) and this script then shows both
// versions. Unsaved text is also kept in this browser (localStorage) until the server has it,
// so a dropped connection or an expired session loses nothing: it is restored on the next visit.
(function () {
  'use strict';
  const form = document.querySelector('form[data-autosave]');
  if (!form) return;
  const url = form.dataset.autosave;
  const application = form.dataset.application;
  const texts = JSON.parse(form.dataset.texts || '{}');
  const csrf = form.querySelector('input[name="csrf"]').value;
  const status = form.querySelector('[data-save-status]');
  const key = (field) => `kapok:application:${application}:${field}`;
  const timers = new Map();
  const inFlight = new Map();

  function versionInput(field) {
    return form.querySelector(`input[data-version-of="${CSS.escape(field)}"]`);
  }

  function valueOf(control) {
    if (control.hasAttribute('data-list')) {
      return Array.from(control.querySelectorAll('input[type="checkbox"]:checked')).map((box) => box.value);
    }
    if (control.tagName === 'FIELDSET') {
      const chosen = control.querySelector('input[type="radio"]:checked');
      return chosen ? chosen.value : '';
    }
    if (control.type === 'checkbox') return control.checked ? 'true' : 'false';
    return control.value;
  }

  function setValue(control, value) {
    if (control.hasAttribute('data-list')) {
      const chosen = new Set(JSON.parse(value || '[]').map(String));
      control.querySelectorAll('input[type="checkbox"]').forEach((box) => { box.checked = chosen.has(box.value); });
    } else if (control.tagName === 'FIELDSET') {
      control.querySelectorAll('input[type="radio"]').forEach((radio) => { radio.checked = radio.value === value; });
    } else if (control.type === 'checkbox') {
      control.checked = value === 'true';
    } else {
      control.value = value;
    }
  }

  function say(text) {
    status.textContent = text;
  }

  function countWords(text) {
    // The same rule as the server: letter runs, and each CJK character on its own.
    const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;
    const ideographs = (text.match(cjk) || []).length;
    const words = (text.replace(cjk, ' ').match(/[\p{L}\p{N}'’-]+/gu) || []).length;
    return ideographs + words;
  }

  function updateWords(control) {
    const counter = form.querySelector(`[data-words-of="${CSS.escape(control.dataset.field)}"]`);
    if (!counter) return;
    const budget = (counter.textContent.match(/\/\s*([\d,.\s]+)/) || [])[1];
    const words = countWords(control.value);
    counter.textContent = budget ? counter.textContent.replace(/^[\d,.\s]+/, `${words} `) : counter.textContent.replace(/^\d+/, String(words));
  }

  function showConflict(control, field, theirs, version) {
    const box = form.querySelector(`[data-field-box="${CSS.escape(field)}"]`);
    box.querySelectorAll('.conflict[data-live]').forEach((old) => old.remove());
    const notice = document.createElement('div');
    notice.className = 'conflict';
    notice.setAttribute('role', 'alert');
    notice.dataset.live = '1';
    const intro = document.createElement('p');
    intro.textContent = texts.conflict;
    const quote = document.createElement('blockquote');
    quote.textContent = typeof theirs === 'string' ? theirs : JSON.stringify(theirs);
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.textContent = texts.keepMine;
    const use = document.createElement('button');
    use.type = 'button';
    use.className = 'secondary';
    use.textContent = texts.useSaved;
    const row = document.createElement('div');
    row.className = 'button-row';
    row.append(keep, use);
    notice.append(intro, quote, row);
    box.append(notice);
    keep.addEventListener('click', () => {
      versionInput(field).value = version;
      notice.remove();
      save(control);
    });
    use.addEventListener('click', () => {
      versionInput(field).value = version;
      setValue(control, theirs);
      localStorage.removeItem(key(field));
      notice.remove();
      updateWords(control);
    });
  }

  async function save(control) {
    const field = control.dataset.field;
    if (inFlight.get(field)) {
      // One save per field at a time; the latest value follows when this one is answered.
      inFlight.set(field, 'again');
      return;
    }
    inFlight.set(field, true);
    const value = valueOf(control);
    const version = Number(versionInput(field).value);
    localStorage.setItem(key(field), JSON.stringify({ value, version }));
    say(texts.saving);
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ field, value, version }),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        versionInput(field).value = answer.version;
        const stored = JSON.parse(localStorage.getItem(key(field)) || 'null');
        if (stored && JSON.stringify(stored.value) === JSON.stringify(value)) localStorage.removeItem(key(field));
        say(texts.saved);
      } else if (response.status === 409) {
        showConflict(control, field, answer.value, answer.version);
        say(texts.conflict);
      } else if (response.status === 401) {
        say(texts.signedOut);
      } else {
        say(answer.message || texts.offline);
      }
    } catch (error) {
      say(texts.offline);
    } finally {
      const again = inFlight.get(field) === 'again';
      inFlight.delete(field);
      if (again) save(control);
    }
  }

  // Saves waiting for typing to pause, by control; a control leaves the map when its save starts.
  function schedule(control, delay) {
    clearTimeout(timers.get(control));
    timers.set(control, setTimeout(() => {
      timers.delete(control);
      save(control);
    }, delay));
  }

  const controls = form.querySelectorAll('[data-field]');
  controls.forEach((control) => {
    control.addEventListener('input', () => {
      updateWords(control);
      localStorage.setItem(key(control.dataset.field), JSON.stringify({ value: valueOf(control), version: Number(versionInput(control.dataset.field).value) }));
      schedule(control, 700);
    });
    control.addEventListener('change', () => schedule(control, 0));
  });

  // Text typed here that never reached the server (offline, signed out, tab closed) comes back.
  let restored = false;
  controls.forEach((control) => {
    const stored = JSON.parse(localStorage.getItem(key(control.dataset.field)) || 'null');
    if (!stored) return;
    if (JSON.stringify(stored.value) === JSON.stringify(valueOf(control))) {
      localStorage.removeItem(key(control.dataset.field));
      return;
    }
    setValue(control, Array.isArray(stored.value) ? JSON.stringify(stored.value) : stored.value);
    versionInput(control.dataset.field).value = stored.version;
    restored = true;
    save(control);
  });
  if (restored) say(texts.restored);

  // Leaving the page sends at once what was still waiting for a pause in typing.
  window.addEventListener('pagehide', () => {
    timers.forEach((timer, control) => { clearTimeout(timer); save(control); });
    timers.clear();
  });
})();
