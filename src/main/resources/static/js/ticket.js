// The citizen's ticket page: every 30 seconds, fetch the page again and replace the status
// (a polite live region, so screen readers hear the change). Without JavaScript the link
// "refresh now" does the same; the page never reloads itself.
(function () {
  'use strict';
  var status = document.getElementById('ticket-status');
  var link = document.getElementById('ticket-refresh');
  if (!status || !link || !window.fetch || !window.DOMParser) {
    return;
  }
  function refresh() {
    fetch(link.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('ticket-status');
        if (fresh && fresh.innerHTML !== status.innerHTML) {
          status.innerHTML = fresh.innerHTML;
        }
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }
  window.setInterval(refresh, 30000);
}());
