/*
 * Bürgerservice: solves the booking form's proof of work in the background, so that a
 * person with JavaScript never has to wait.
 *
 * The server hands out an ALTCHA challenge (GET /api/v1/challenges: algorithm, challenge,
 * maxnumber, salt, signature). We look for the number n (0 <= n <= maxnumber) with
 * SHA-256(salt + n) = challenge, in small batches so that the page stays responsive, and
 * put {algorithm, challenge, number, salt, signature} as base64 JSON into the form's
 * hidden field "proofOfWork"; the status region says how it goes. Without JavaScript,
 * or if anything here fails, the field keeps the server's wait token and the form can be
 * sent a few seconds after the page was opened.
 */
(function () {
  'use strict';

  /** How many numbers to hash before letting the browser breathe. */
  var BATCH = 500;

  var form = document.querySelector('form[data-proof-of-work]');
  if (!form) {
    return;
  }
  var field = form.querySelector('input[name="proofOfWork"]');
  var status = document.getElementById(form.getAttribute('data-status'));
  if (!field || !status || !window.fetch || !window.Promise || !window.TextEncoder || !window.crypto
      || !window.crypto.subtle) {
    return;
  }

  /** working, done or failed */
  var state = 'working';
  var submitWhenReady = false;

  function say(name) {
    var text = status.getAttribute('data-' + name);
    if (text && status.textContent !== text) {
      status.textContent = text;
    }
  }

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return text;
  }

  function breathe() {
    return new Promise(function (resolve) {
      setTimeout(resolve, 0);
    });
  }

  /** Finds the number, batch by batch; rejects if there is none. */
  function solve(challenge) {
    if (String(challenge.algorithm).toUpperCase() !== 'SHA-256') {
      return Promise.reject(new Error('unsupported algorithm'));
    }
    var encoder = new TextEncoder();
    var max = Number(challenge.maxnumber);
    var expected = String(challenge.challenge).toLowerCase();

    function batch(first) {
      if (first > max) {
        return Promise.reject(new Error('no solution'));
      }
      var last = Math.min(first + BATCH - 1, max);
      var digests = [];
      for (var n = first; n <= last; n++) {
        digests.push(window.crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n)));
      }
      return Promise.all(digests).then(function (results) {
        for (var i = 0; i < results.length; i++) {
          if (hex(results[i]) === expected) {
            return first + i;
          }
        }
        return breathe().then(function () {
          return batch(last + 1);
        });
      });
    }

    return batch(0);
  }

  function finish(result) {
    state = result;
    say(result);
    if (submitWhenReady) {
      submitWhenReady = false;
      if (form.requestSubmit) {
        form.requestSubmit();
      }
      else {
        form.submit();
      }
    }
  }

  // Sent before the check is done: wait for it, then send.
  form.addEventListener('submit', function (event) {
    if (state === 'working') {
      event.preventDefault();
      submitWhenReady = true;
    }
  });

  say('working');
  window.fetch(form.getAttribute('data-proof-of-work'), {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
    credentials: 'same-origin'
  }).then(function (response) {
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    return response.json();
  }).then(function (challenge) {
    return solve(challenge).then(function (number) {
      field.value = window.btoa(JSON.stringify({
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        number: number,
        salt: challenge.salt,
        signature: challenge.signature
      }));
    });
  }).then(function () {
    finish('done');
  }, function () {
    finish('failed');
  });
}());
