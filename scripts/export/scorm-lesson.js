/*
 * HTTP Auth Lab, SCORM 1.2 copy of a lesson: the only script in the package. It makes the quizzes
 * work without a server and, when an LMS provides the SCORM 1.2 API (window.API in a parent frame or
 * the opener), reports the lesson completed with a score once every quiz has been answered.
 * Quiz models (question, options, the right one, explanations) are in <script id="quiz-models">.
 */
(function () {
  'use strict';

  // ADL's API discovery: the nearest window with `API`, up the frame chain, then from the opener.
  function findApi(start) {
    var win = start;
    for (var hops = 0; win && hops < 10; hops++) {
      try {
        if (win.API) return win.API;
      } catch {
        return null; // a cross-origin parent: no LMS reachable from here
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  var session = false;

  function call(method, args) {
    if (!api || typeof api[method] !== 'function') return '';
    try {
      return String(api[method].apply(api, args));
    } catch {
      return '';
    }
  }

  if (api) {
    session = call('LMSInitialize', ['']) === 'true';
    if (session && call('LMSGetValue', ['cmi.core.lesson_status']) === 'not attempted') {
      call('LMSSetValue', ['cmi.core.lesson_status', 'incomplete']);
      call('LMSCommit', ['']);
    }
  }

  var modelsElement = document.getElementById('quiz-models');
  var models = modelsElement ? JSON.parse(modelsElement.textContent || '{}') : {};
  var ids = Object.keys(models);
  var firstTry = {}; // quiz id -> was the first checked answer right?

  function segmentsInto(parent, segments) {
    segments.forEach(function (segment) {
      var node = document.createElement(segment.kind === 'code' ? 'code' : 'span');
      node.textContent = segment.text;
      parent.appendChild(node);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function report(summary) {
    var answered = ids.filter(function (id) {
      return Object.prototype.hasOwnProperty.call(firstTry, id);
    });
    if (answered.length < ids.length) {
      summary.textContent = answered.length + ' of ' + ids.length + ' questions answered.';
      return;
    }
    var right = answered.filter(function (id) {
      return firstTry[id];
    }).length;
    var score = Math.round((100 * right) / ids.length);
    if (session) {
      call('LMSSetValue', ['cmi.core.score.min', '0']);
      call('LMSSetValue', ['cmi.core.score.max', '100']);
      call('LMSSetValue', ['cmi.core.score.raw', String(score)]);
      call('LMSSetValue', ['cmi.core.lesson_status', 'completed']);
      call('LMSCommit', ['']);
    }
    summary.textContent =
      'All questions answered: ' +
      right +
      ' of ' +
      ids.length +
      ' right the first time (score ' +
      score +
      '%)' +
      (session ? ', reported to your course.' : '.');
  }

  var summary = el('p', 'scorm-summary');
  summary.setAttribute('role', 'status');

  Array.prototype.forEach.call(document.querySelectorAll('[data-quiz]'), function (root) {
    var id = root.getAttribute('data-quiz');
    var model = models[id];
    var button = root.querySelector('button');
    var status = root.querySelector('[role="status"]');
    if (!model || !button || !status) return;
    var radios = root.querySelectorAll('input[type="radio"]');
    button.addEventListener('click', function () {
      var chosen = -1;
      Array.prototype.forEach.call(radios, function (radio, index) {
        if (radio.checked) chosen = index;
      });
      status.textContent = '';
      if (chosen < 0) {
        status.appendChild(el('p', '', 'Choose an answer first.'));
        return;
      }
      var right = chosen === model.correct;
      var verdict = el('p');
      var icon = el('span', 'scorm-icon', right ? '✓' : '✗');
      icon.setAttribute('aria-hidden', 'true');
      verdict.appendChild(icon);
      verdict.appendChild(el('strong', '', right ? 'Correct. ' : 'Not quite. '));
      segmentsInto(verdict, model.options[chosen].explain);
      status.appendChild(verdict);
      var all = el('ul', 'scorm-all');
      model.options.forEach(function (option, index) {
        var item = el('li');
        item.appendChild(el('strong', '', index === model.correct ? '✓ Correct answer: ' : '✗ Wrong answer: '));
        segmentsInto(item, option.text);
        item.appendChild(document.createTextNode(' — '));
        segmentsInto(item, option.explain);
        all.appendChild(item);
      });
      status.appendChild(all);
      if (!Object.prototype.hasOwnProperty.call(firstTry, id)) firstTry[id] = right;
      report(summary);
    });
  });

  if (ids.length > 0) {
    var last = document.querySelectorAll('[data-quiz]');
    var anchor = last[last.length - 1];
    if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(summary, anchor.nextSibling);
    report(summary);
  } else if (session) {
    // A lesson without questions is complete once opened.
    call('LMSSetValue', ['cmi.core.lesson_status', 'completed']);
    call('LMSCommit', ['']);
  }

  function finish() {
    if (!session) return;
    session = false;
    call('LMSCommit', ['']);
    call('LMSFinish', ['']);
  }
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
})();
