/*
 * HTTP Auth Lab, SCORM copy of a lesson: the only script in the package. It makes the quizzes work
 * without a server and, when an LMS provides a SCORM runtime (2004's API_1484_11 or 1.2's API), keeps
 * the learner's place and answers between sessions, records one interaction per question and reports
 * the score, completion and passed/failed. Quiz models (question, options, the right one,
 * explanations) are in <script id="quiz-models">.
 *
 * What "retry" means here: a question can be checked again as often as the learner likes, for the
 * feedback, but only the first checked answer is scored, recorded and saved. Once the LMS holds a
 * result (completed, passed or failed) this SCO never writes a score or status again: a relaunch shows
 * the saved answers and cannot lower or overwrite the record. A fresh attempt is the LMS's to start
 * (a new attempt arrives with no suspend data and no status).
 */
(function () {
  'use strict';

  // API discovery, ADL's algorithm (SCORM 2004 4th ed RTE 3.1.2.1; SCORM 1.2 RTE 3.3.6.1): look in this
  // window, then up to 7 parents, then the same from the opener. 2004 is preferred when both exist.
  function findIn(start, name) {
    var win = start;
    for (var hops = 0; win; hops++) {
      try {
        if (win[name]) return win[name];
      } catch {
        return null; // a cross-origin frame: no LMS reachable past it
      }
      if (hops >= 7 || !win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  function discover(name) {
    return findIn(window, name) || (window.opener ? findIn(window.opener, name) : null);
  }

  // The version-neutral adapter: the rest of the script uses these names and calls.
  var V2004 = {
    version: '2004',
    calls: { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate' },
    // SCORM 2004 4th ed RTE 4.2: the data model elements this SCO uses.
    cmi: {
      location: 'cmi.location',
      entry: 'cmi.entry',
      exit: 'cmi.exit',
      mode: 'cmi.mode',
      credit: 'cmi.credit',
      sessionTime: 'cmi.session_time',
      score: 'cmi.score.',
      response: 'learner_response',
      time: 'timestamp',
    },
    suspendLimit: 64000, // RTE 4.2.24: characterstring (SPM 64000)
    exitNormal: 'normal',
    wrong: 'incorrect',
  };
  var V12 = {
    version: '1.2',
    calls: { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish' },
    // SCORM 1.2 RTE 3.4: the cmi.core elements this SCO uses.
    cmi: {
      location: 'cmi.core.lesson_location',
      entry: 'cmi.core.entry',
      exit: 'cmi.core.exit',
      mode: 'cmi.core.lesson_mode',
      credit: 'cmi.core.credit',
      sessionTime: 'cmi.core.session_time',
      score: 'cmi.core.score.',
      response: 'student_response',
      time: 'time',
    },
    suspendLimit: 4096, // RTE 3.4.2: cmi.suspend_data is CMIString4096
    exitNormal: '',
    wrong: 'wrong', // RTE 3.4.2 cmi.interactions.n.result vocabulary
  };

  var api = discover('API_1484_11');
  var v = api ? V2004 : V12;
  if (!api) api = discover('API');
  var session = false;
  var record = { kind: 'open' }; // 'open' | 'recorded' | 'read-only' (see below)

  function call(method, args) {
    var name = v.calls[method];
    if (!api || typeof api[name] !== 'function') return '';
    try {
      return String(api[name].apply(api, args));
    } catch {
      return '';
    }
  }
  function get(element) {
    return session ? call('get', [element]) : '';
  }
  function set(element, value) {
    if (session && record.kind !== 'read-only') call('set', [element, String(value)]);
  }

  var startedAt = Date.now();
  if (api) session = call('init', ['']) === 'true';

  // What this session may write. Review/browse mode and no-credit launches write nothing (1.2 RTE 3.4.2
  // cmi.core.lesson_mode and cmi.core.credit; 2004 RTE 4.2.4 cmi.credit and 4.2.17 cmi.mode). A result
  // already recorded is never rewritten (see the header): only the place and session time are kept.
  var mode = get(v.cmi.mode);
  if (mode === 'review' || mode === 'browse' || get(v.cmi.credit) === 'no-credit')
    record = { kind: 'read-only', mode: mode === 'review' ? 'review' : 'no-credit' };
  else if (recordedResult()) record = { kind: 'recorded' };

  function recordedResult() {
    if (v.version === '1.2') return /^(passed|failed|completed)$/.test(get('cmi.core.lesson_status'));
    return get('cmi.completion_status') === 'completed' || /^(passed|failed)$/.test(get('cmi.success_status'));
  }

  var modelsElement = document.getElementById('quiz-models');
  var models = modelsElement ? JSON.parse(modelsElement.textContent || '{}') : {};
  var ids = Object.keys(models);

  // Suspend data: {"a":{quiz id: first checked option}, "p": bookmark}, compact JSON. Read in every
  // mode (a review shows the saved answers); unreadable data is ignored, not fatal.
  var saved = { a: {}, p: '' };
  try {
    var parsed = JSON.parse(get('cmi.suspend_data') || '{}');
    if (parsed && typeof parsed.a === 'object') saved.a = parsed.a;
    if (parsed && typeof parsed.p === 'string') saved.p = parsed.p;
  } catch {
    // not ours (or empty): start fresh
  }
  var bookmark = get(v.cmi.location) || saved.p;
  var firstTry = {}; // quiz id -> index of the first option checked
  ids.forEach(function (id) {
    var choice = saved.a[id];
    if (typeof choice === 'number' && models[id].options[choice]) firstTry[id] = choice;
  });

  if (record.kind === 'open') {
    if (v.version === '1.2' && get('cmi.core.lesson_status') === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
    if (v.version === '2004' && /^(unknown|not attempted|)$/.test(get('cmi.completion_status'))) set('cmi.completion_status', 'incomplete');
    call('commit', ['']);
  }

  function answeredIds() {
    return ids.filter(function (id) {
      return Object.prototype.hasOwnProperty.call(firstTry, id);
    });
  }
  function rightCount() {
    return answeredIds().filter(function (id) {
      return firstTry[id] === models[id].correct;
    }).length;
  }
  function finished() {
    return answeredIds().length === ids.length;
  }

  // Learner responses are option letters: 1.2 RTE 3.4.2 allows single characters for a choice, 2004
  // RTE 4.2.9.1 short_identifier_type; the same letter works in both.
  function letter(index) {
    return String.fromCharCode(97 + index);
  }
  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }
  function timestamp(date) {
    var clock = pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
    if (v.version === '1.2') return clock; // CMITime HH:MM:SS
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' + clock;
  }
  function duration(ms) {
    var cs = Math.round(ms / 10);
    var h = Math.floor(cs / 360000);
    var m = Math.floor((cs % 360000) / 6000);
    var s = (cs % 6000) / 100;
    // 1.2 RTE 3.4.2 CMITimespan HHHH:MM:SS.SS; 2004 RTE 4.2.22 timeinterval (ISO 8601), 0.01 s precision.
    if (v.version === '1.2') return pad(Math.min(h, 9999)) + ':' + pad(m) + ':' + (s < 10 ? '0' : '') + s.toFixed(2);
    return 'PT' + h + 'H' + m + 'M' + s.toFixed(2) + 'S';
  }
  function plain(segments) {
    return segments
      .map(function (segment) {
        return segment.text;
      })
      .join('');
  }

  // One objective per question (id = quiz id): each quiz checks one idea of the lesson, so the LMS can
  // show which ideas a learner missed. 1.2 RTE 3.4.2 cmi.objectives; 2004 RTE 4.2.18. Objective ids are
  // readable in both versions, so an existing one is found and left alone.
  function recordObjective(id, right) {
    var count = parseInt(get('cmi.objectives._count'), 10) || 0;
    for (var i = 0; i < count; i++) if (get('cmi.objectives.' + i + '.id') === id) return;
    var prefix = 'cmi.objectives.' + count + '.';
    set(prefix + 'id', id);
    set(prefix + 'score.min', '0');
    set(prefix + 'score.max', '1');
    set(prefix + 'score.raw', right ? '1' : '0');
    if (v.version === '1.2') set(prefix + 'status', right ? 'passed' : 'failed');
    else {
      set(prefix + 'score.scaled', right ? '1' : '0');
      set(prefix + 'success_status', right ? 'passed' : 'failed');
      set(prefix + 'completion_status', 'completed');
    }
  }

  // One interaction per question, written once at its first checked answer (1.2 RTE 3.4.2
  // cmi.interactions are write-only there, so the suspend data is what says a question was recorded).
  function recordInteraction(id, choice) {
    var model = models[id];
    var right = choice === model.correct;
    var n = parseInt(get('cmi.interactions._count'), 10) || 0;
    var prefix = 'cmi.interactions.' + n + '.';
    set(prefix + 'id', id);
    set(prefix + 'type', 'choice');
    set(prefix + 'objectives.0.id', id);
    set(prefix + v.cmi.time, timestamp(new Date()));
    set(prefix + 'weighting', '1');
    set(prefix + 'correct_responses.0.pattern', letter(model.correct));
    set(prefix + v.cmi.response, letter(choice));
    set(prefix + 'result', right ? 'correct' : v.wrong);
    if (v.version === '2004') set(prefix + 'description', plain(model.question).slice(0, 250));
    recordObjective(id, right);
  }

  function saveProgress() {
    var data = JSON.stringify({ a: firstTry, p: bookmark });
    // Over the limit (a lesson with very many quizzes under 1.2) the answers are not saved rather than
    // saved cut short: a truncated JSON would restore nothing anyway.
    if (data.length <= v.suspendLimit) set('cmi.suspend_data', data);
    if (bookmark) set(v.cmi.location, bookmark);
  }

  // Score, completion and success, once every question has an answer (1.2 RTE 3.4.2
  // cmi.core.lesson_status against cmi.student_data.mastery_score; 2004 RTE 4.2.4 completion_status and
  // 4.2.21 success_status against cmi.scaled_passing_score, kept separate).
  function reportResult() {
    var score = Math.round((100 * rightCount()) / ids.length);
    set(v.cmi.score + 'min', '0');
    set(v.cmi.score + 'max', '100');
    set(v.cmi.score + 'raw', String(score));
    var verdict = '';
    if (v.version === '1.2') {
      var mastery = parseFloat(get('cmi.student_data.mastery_score'));
      verdict = isNaN(mastery) ? 'completed' : score >= mastery ? 'passed' : 'failed';
      set('cmi.core.lesson_status', verdict);
    } else {
      var passing = parseFloat(get('cmi.scaled_passing_score'));
      verdict = isNaN(passing) ? 'unknown' : score / 100 >= passing ? 'passed' : 'failed';
      set('cmi.score.scaled', String(score / 100));
      set('cmi.completion_status', 'completed');
      set('cmi.success_status', verdict);
    }
    record = { kind: 'recorded' };
    return verdict;
  }

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

  function showSummary(summary, verdict) {
    var answered = answeredIds().length;
    if (answered < ids.length) {
      summary.textContent = answered + ' of ' + ids.length + ' questions answered.';
    } else {
      var right = rightCount();
      var text = 'All questions answered: ' + right + ' of ' + ids.length + ' right the first time (score ' + Math.round((100 * right) / ids.length) + '%)';
      if (verdict === 'passed' || verdict === 'failed') text += ', ' + verdict;
      if (verdict) text += session ? ', reported to your course.' : '.';
      else text += '.';
      summary.textContent = text;
    }
    if (record.kind === 'read-only') {
      summary.textContent +=
        record.mode === 'review' ? ' Review: your saved answers are shown and nothing is recorded.' : ' Practice (no credit): nothing is recorded.';
    } else if (record.kind === 'recorded' && !verdict && session) {
      summary.textContent += ' Your course already holds your result; answering again does not change it.';
    }
  }

  // The verdict and every option explained, for a checked answer (this session's or a saved one).
  function showAnswer(root, model, chosen, earlier) {
    var status = root.querySelector('[role="status"]');
    status.textContent = '';
    var right = chosen === model.correct;
    var verdict = el('p');
    var icon = el('span', 'scorm-icon', right ? '✓' : '✗');
    icon.setAttribute('aria-hidden', 'true');
    verdict.appendChild(icon);
    verdict.appendChild(el('strong', '', right ? 'Correct. ' : 'Not quite. '));
    segmentsInto(verdict, model.options[chosen].explain);
    status.appendChild(verdict);
    if (earlier) status.appendChild(el('p', '', 'Your answer from an earlier session.'));
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
    if (Object.prototype.hasOwnProperty.call(firstTry, id)) {
      radios[firstTry[id]].checked = true;
      showAnswer(root, model, firstTry[id], true);
    }
    button.addEventListener('click', function () {
      var chosen = -1;
      Array.prototype.forEach.call(radios, function (radio, index) {
        if (radio.checked) chosen = index;
      });
      if (chosen < 0) {
        status.textContent = '';
        status.appendChild(el('p', '', 'Choose an answer first.'));
        return;
      }
      showAnswer(root, model, chosen, false);
      if (Object.prototype.hasOwnProperty.call(firstTry, id)) return; // a retry: feedback only
      firstTry[id] = chosen;
      bookmark = id;
      var verdict = '';
      if (record.kind === 'open') {
        recordInteraction(id, chosen);
        if (finished()) verdict = reportResult();
      }
      if (record.kind !== 'read-only') {
        saveProgress();
        call('commit', ['']);
      }
      showSummary(summary, verdict);
    });
  });

  if (ids.length > 0) {
    var quizzes = document.querySelectorAll('[data-quiz]');
    var anchor = quizzes[quizzes.length - 1];
    if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(summary, anchor.nextSibling);
    showSummary(summary, '');
    // Resume at the bookmark: the question the learner last answered.
    Array.prototype.forEach.call(quizzes, function (root) {
      if (bookmark && root.getAttribute('data-quiz') === bookmark && root.scrollIntoView) root.scrollIntoView({ block: 'center' });
    });
  } else if (record.kind === 'open') {
    // A lesson without questions is complete once opened.
    if (v.version === '1.2') set('cmi.core.lesson_status', 'completed');
    else set('cmi.completion_status', 'completed');
    record = { kind: 'recorded' };
    call('commit', ['']);
  }

  // Leaving: session time (1.2 RTE 3.4.2 cmi.core.session_time; 2004 RTE 4.2.23 cmi.session_time) and
  // exit: suspend while questions remain, so the LMS resumes the attempt, normal once finished.
  function finish() {
    if (!session) return;
    set(v.cmi.sessionTime, duration(Date.now() - startedAt));
    set(v.cmi.exit, finished() || ids.length === 0 ? v.exitNormal : 'suspend');
    call('commit', ['']);
    call('finish', ['']);
    session = false;
  }
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
})();
