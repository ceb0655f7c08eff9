// The call display: listens to the location's calls (server-sent events), shows the newest on top,
// plays a chime and announces the call to screen readers. EventSource reconnects by itself; the
// first event after every (re)connect is the list of calls so far, so nothing is missed. The
// waiting-time estimate for walk-ins comes with every call and every 15 seconds.
(function () {
  'use strict';
  var body = document.body;
  var rows = document.getElementById('calls');
  var announcement = document.getElementById('announcement');
  var connection = document.getElementById('connection');
  var estimate = document.getElementById('estimate');
  var template = announcement.getAttribute('data-template');
  var shown = 8;
  var audio = null;

  function chime() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      [660, 880].forEach(function (frequency, index) {
        var oscillator = audio.createOscillator();
        var gain = audio.createGain();
        var start = audio.currentTime + index * 0.25;
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(start);
        oscillator.stop(start + 0.55);
      });
    } catch (e) {
      // no sound on this device
    }
  }

  function row(call) {
    var tr = document.createElement('tr');
    var number = document.createElement('td');
    var counter = document.createElement('td');
    number.textContent = call.number;
    counter.textContent = call.counter;
    tr.appendChild(number);
    tr.appendChild(counter);
    return tr;
  }

  function render(calls) {
    rows.textContent = '';
    calls.slice(0, shown).forEach(function (call, index) {
      var tr = row(call);
      if (index === 0) {
        tr.className = 'latest';
      }
      rows.appendChild(tr);
    });
  }

  function called(call) {
    var existing = Array.prototype.slice.call(rows.children);
    existing.forEach(function (tr) { tr.className = ''; });
    var tr = row(call);
    tr.className = 'latest';
    rows.insertBefore(tr, rows.firstChild);
    while (rows.children.length > shown) {
      rows.removeChild(rows.lastChild);
    }
    announcement.textContent = template.replace('{0}', call.number).replace('{1}', call.counter);
    chime();
  }

  var source = new EventSource(body.getAttribute('data-events'));
  source.addEventListener('calls', function (event) {
    connection.hidden = true;
    render(JSON.parse(event.data));
  });
  source.addEventListener('call', function (event) {
    called(JSON.parse(event.data));
  });
  source.addEventListener('estimate', function (event) {
    var figures = JSON.parse(event.data);
    estimate.textContent = estimate.getAttribute('data-template')
      .replace('{0}', figures.ahead).replace('{1}', figures.minutes);
  });
  source.addEventListener('open', function () {
    connection.hidden = true;
  });
  source.addEventListener('error', function () {
    connection.hidden = false;
  });
}());
