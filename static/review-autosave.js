// Kapok review autosave: a draft review is saved as a whole shortly after any change, with the
// version this page last saw (the server refuses to overwrite a newer save from another tab or
// device, and this script then offers to keep this text or load the saved one). Unsaved changes
// are also kept in this browser until the server has them, and come back on the next visit.
// Without JavaScript the form's own Save button does the same.
(function () {
  'use strict';
  const form = document.querySelector('form[data-review-autosave]');
  if (!form) return;
  // Not form.action: the submit buttons are named "action".
  const url = form.getAttribute('action');
  const texts = JSON.parse(form.dataset.texts || '{}');
  const key = `kapok:review:${form.dataset.reviewAutosave}`;
  const status = form.querySelector('[data-save-status]');
  const version = form.querySelector('input[name="version"]');
  const fieldNames = Array.from(form.elements)
    .filter((control) => control.name && !['csrf', 'version', 'action'].includes(control.name))
    .map((control) => control.name);
  let timer = null;
  let inFlight = null;
  let again = false;

  function say(text) {
    status.textContent = text;
  }

  function values() {
    const data = new FormData(form);
    return Object.fromEntries(fieldNames.map((name) => [name, data.get(name) || '']));
  }

  function keepLocally() {
    localStorage.setItem(key, JSON.stringify({ version: Number(version.value), values: values() }));
  }

  function showConflict(savedVersion) {
    form.querySelectorAll('.conflict[data-live]').forEach((old) => old.remove());
    const notice = document.createElement('div');
    notice.className = 'conflict';
    notice.setAttribute('role', 'alert');
    notice.dataset.live = '1';
    const intro = document.createElement('p');
    intro.textContent = texts.conflict;
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
    notice.append(intro, row);
    form.prepend(notice);
    keep.addEventListener('click', () => {
      version.value = savedVersion;
      notice.remove();
      save();
    });
    use.addEventListener('click', () => {
      localStorage.removeItem(key);
      window.location.reload();
    });
  }

  async function save() {
    clearTimeout(timer);
    timer = null;
    if (inFlight) {
      // One save at a time; the latest values follow when this one is answered.
      again = true;
      return inFlight;
    }
    keepLocally();
    const sent = JSON.stringify(values());
    const body = new URLSearchParams(new FormData(form));
    body.set('action', 'save');
    say(texts.saving);
    inFlight = (async () => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          credentials: 'same-origin',
          redirect: 'manual',
          headers: { 'x-kapok-autosave': '1' },
          body,
        });
        if (response.type === 'opaqueredirect') {
          say(texts.signedOut);
          return;
        }
        const answer = await response.json().catch(() => ({}));
        if (response.ok) {
          version.value = answer.version;
          if (JSON.stringify(values()) === sent) localStorage.removeItem(key);
          else keepLocally();
          say(texts.saved);
        } else if (response.status === 409) {
          showConflict(answer.version);
          say(texts.conflict);
        } else {
          say(answer.message || texts.offline);
        }
      } catch (error) {
        say(texts.offline);
      }
    })();
    await inFlight;
    inFlight = null;
    if (again) {
      again = false;
      await save();
    }
  }

  form.addEventListener('input', () => {
    keepLocally();
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  });
  form.addEventListener('change', () => {
    clearTimeout(timer);
    timer = setTimeout(save, 0);
  });

  // Saving or submitting by the buttons waits for a save under way, so it carries its version.
  form.addEventListener('submit', async (event) => {
    // A save still waiting for its timer is not needed: the submission carries every field.
    clearTimeout(timer);
    timer = null;
    if (!inFlight) {
      localStorage.removeItem(key);
      return;
    }
    // Submitting again from inside this handler would be ignored by the browser; after the wait
    // it is not.
    event.preventDefault();
    const submitter = event.submitter;
    while (inFlight) await inFlight;
    localStorage.removeItem(key);
    form.requestSubmit(submitter);
  });

  // Changes typed here that never reached the server (offline, signed out, tab closed) come back,
  // unless the server has a newer save than the one they were made on.
  const stored = JSON.parse(localStorage.getItem(key) || 'null');
  if (stored && stored.version === Number(version.value) && JSON.stringify(stored.values) !== JSON.stringify(values())) {
    for (const [name, value] of Object.entries(stored.values)) {
      const control = form.elements.namedItem(name);
      if (control) control.value = value;
    }
    say(texts.restored);
    save();
  } else if (stored) {
    localStorage.removeItem(key);
  }

  window.addEventListener('pagehide', () => {
    if (timer) save();
  });
})();
