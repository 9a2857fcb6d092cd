// Shows instants (<time datetime="…" data-local-label="…">) in the reader's own time zone as
// well; the page already states them in the edition's time zone.
(function () {
  'use strict';
  document.querySelectorAll('time[datetime][data-local-label]').forEach((element) => {
    const at = new Date(element.getAttribute('datetime'));
    if (Number.isNaN(at.getTime())) return;
    const local = at.toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    element.textContent = `(${element.dataset.localLabel} ${local})`;
  });
})();
