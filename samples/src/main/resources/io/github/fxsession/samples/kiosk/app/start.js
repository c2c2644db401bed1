// The start page: the allowed sites (from config.json, which the kiosk answers), and two things kept in
// localStorage to show that the kiosk forgets them when it resets.
(function () {
  'use strict';
  var visits = Number(localStorage.getItem('visits') || '0') + 1;
  localStorage.setItem('visits', String(visits));
  document.getElementById('visits').textContent = String(visits);

  var name = document.getElementById('name');
  var greeting = document.getElementById('greeting');
  function greet() {
    var saved = localStorage.getItem('name');
    greeting.textContent = saved ? 'Hello, ' + saved + '!' : '';
  }
  name.value = localStorage.getItem('name') || '';
  name.addEventListener('input', function () {
    localStorage.setItem('name', name.value);
    greet();
  });
  greet();

  fetch('config.json').then(function (r) { return r.json(); }).then(function (config) {
    var list = document.getElementById('sites');
    config.origins.forEach(function (origin) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = origin + '/';
      link.textContent = origin.replace(/^https?:\/\//, '');
      item.appendChild(link);
      list.appendChild(item);
    });
    if (config.origins.length === 0) {
      list.insertAdjacentHTML('beforeend', '<li class="small">No site is allowed on this kiosk.</li>');
    }
  });
})();
