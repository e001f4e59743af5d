// The workflow generator's logic, shared by the page (app.js) and node's tests: options checked against the catalog,
// the view the Mustache templates print, the shared link (URL fragment) and the equivalent `neon-twin init` command
// line, and cron read back in words. io.neontwin.init (Java) does the same; the test vectors under
// src/test/resources/init/vectors hold the two to the same files, links and command lines.
(function (root) {
  'use strict';

  var RANDOM_NIGHT = 'random-night';
  var LIST_ITEM = /^[A-Za-z0-9_.*?$"-]+$/;
  var SHELL_SAFE = /^[A-Za-z0-9_./:@=,+-]+$/;
  var MAX_TEXT = 100;
  var CRON_FIELDS = [
    { name: 'minute', min: 0, max: 59 },
    { name: 'hour', min: 0, max: 23 },
    { name: 'day of the month', min: 1, max: 31 },
    { name: 'month', min: 1, max: 12 },
    { name: 'day of the week', min: 0, max: 6 }
  ];
  var CRON_ITEM = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/;
  var DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];

  function create(data, mustache) {
    var catalog = data.catalog;
    var byName = {};
    catalog.options.forEach(function (option) { byName[option.name] = option; });

    function option(name) {
      if (!Object.prototype.hasOwnProperty.call(byName, name)) { throw new Error("there is no option '" + name + "'"); }
      return byName[name];
    }

    function isOnOff(opt) { return opt.kind === 'boolean' || opt.kind === 'secret'; }

    // The value as the workflows use it; throws an Error whose message says why a value is not allowed.
    function normalize(opt, raw) {
      var value = raw == null ? '' : String(raw).trim();
      switch (opt.kind) {
        case 'boolean':
        case 'secret': {
          var lower = value.toLowerCase();
          if (lower !== 'true' && lower !== 'false') { throw new Error("'" + value + "' is not true or false"); }
          return lower;
        }
        case 'choice':
          if (opt.allowed.indexOf(value) < 0) { throw new Error("'" + value + "' is not one of " + opt.allowed.join(', ')); }
          return value;
        case 'number': {
          if (!/^[+-]?\d+$/.test(value)) { throw new Error("'" + value + "' is not a whole number"); }
          var number = parseInt(value, 10);
          if (number < opt.min || number > opt.max) { throw new Error(number + ' is not between ' + opt.min + ' and ' + opt.max); }
          return String(number);
        }
        case 'list': {
          var items = [];
          value.split(/[,\n]/).forEach(function (item) {
            var trimmed = item.trim();
            if (!trimmed) { return; }
            if (!LIST_ITEM.test(trimmed)) {
              throw new Error("'" + trimmed + "' is not a name or a pattern (letters, digits, _ . * ? $ - and double quotes)");
            }
            items.push(trimmed);
          });
          return items.join(',');
        }
        case 'cron':
          return normalizeCron(value);
        default:
          if (value.length > MAX_TEXT || /[\u0000-\u001f\u007f-\u009f]/.test(value)) {
            throw new Error('it must be one line of at most ' + MAX_TEXT + ' characters');
          }
          if (opt.pattern) {
            if (!new RegExp(opt.pattern).test(value)) { throw new Error("'" + value + "' is not allowed here (it must match " + opt.pattern + ')'); }
          } else if (!value) {
            throw new Error('it must not be empty');
          }
          return value;
      }
    }

    function randomNight(random) {
      var next = random || Math.random;
      return (1 + Math.floor(next() * 59)) + ' ' + (1 + Math.floor(next() * 5)) + ' * * *';
    }

    // Every option at its default; the schedule at a random minute of the night (01:01 to 05:59 UTC).
    function defaults(random) {
      var values = {};
      catalog.options.forEach(function (opt) {
        values[opt.name] = opt.default === RANDOM_NIGHT ? randomNight(random) : opt.default;
      });
      return values;
    }

    function withValue(values, name, raw) {
      var opt = option(name);
      var copy = Object.assign({}, values);
      copy[name] = normalize(opt, raw);
      return copy;
    }

    // The options whose value is not the default, in catalog order: what a link or a command line must say.
    function chosen(values) {
      return catalog.options.filter(function (opt) { return values[opt.name] !== opt.default; })
        .map(function (opt) { return [opt.name, values[opt.name]]; });
    }

    function fragment(values) {
      var params = new URLSearchParams();
      chosen(values).forEach(function (pair) { params.append(pair[0], pair[1]); });
      return params.toString();
    }

    // Reads a page URL or a bare fragment; returns {values, ignored: [{name, value, reason}]}.
    function parse(urlOrFragment, random) {
      var text = String(urlOrFragment || '');
      var hash = text.indexOf('#');
      var fragmentText = hash >= 0 ? text.substring(hash + 1) : text;
      var values = defaults(random);
      var ignored = [];
      fragmentText.split('&').forEach(function (pair) {
        if (!pair) { return; }
        var equals = pair.indexOf('=');
        var name = decode(equals >= 0 ? pair.substring(0, equals) : pair);
        var value = equals >= 0 ? decode(pair.substring(equals + 1)) : null;
        if (!Object.prototype.hasOwnProperty.call(byName, name)) {
          ignored.push({ name: name, value: value, reason: 'no such option' });
        } else if (value === null) {
          ignored.push({ name: name, value: null, reason: 'no value' });
        } else {
          try {
            values = withValue(values, name, value);
          } catch (invalid) {
            ignored.push({ name: name, value: value, reason: invalid.message });
          }
        }
      });
      return { values: values, ignored: ignored };
    }

    function decode(text) {
      try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (badEscape) { return text; }
    }

    function describeIgnored(item) {
      return item.name + (item.value === null ? '' : '=' + item.value) + ' (' + item.reason + ')';
    }

    function shellQuote(value) {
      return SHELL_SAFE.test(value) ? value : "'" + value.replace(/'/g, "'\\''") + "'";
    }

    function commandLine(values) {
      var line = 'neon-twin init';
      chosen(values).forEach(function (pair) {
        var opt = option(pair[0]);
        line += ' --' + pair[0];
        if (isOnOff(opt)) {
          line += pair[1] === 'true' ? '' : '=false';
        } else {
          line += ' ' + shellQuote(pair[1]);
        }
      });
      return line;
    }

    function yamlQuote(text) { return "'" + text.replace(/'/g, "''") + "'"; }

    function secrets(values) {
      var list = catalog.requiredSecrets.slice();
      catalog.options.forEach(function (opt) {
        if (opt.secret && values[opt.name] === 'true') { list.push({ name: opt.secret, help: opt.secretHelp }); }
      });
      return list;
    }

    function inputs(values, workflow) {
      return catalog.options.filter(function (opt) {
        return opt.actionInput && (opt.group === 'both' || opt.group === workflow) && values[opt.name] !== opt.default;
      }).map(function (opt) {
        return { name: opt.name, value: opt.kind === 'secret' ? '${{ secrets.' + opt.secret + ' }}' : yamlQuote(values[opt.name]) };
      });
    }

    function view(values) {
      return {
        actionRef: values['action-ref'],
        twinName: yamlQuote(values['twin-name']),
        schedule: values.schedule,
        dispatch: values.dispatch === 'true',
        refreshOnMerge: values['refresh-on-merge'] === 'true',
        branch: yamlQuote(values.branch),
        hasConcurrency: values.concurrency !== '',
        concurrency: values.concurrency,
        runner: values.runner,
        caCertificate: values['ca-certificate'] === 'true',
        reverseName: yamlQuote(values['reverse-name']),
        applyOnMerge: values['apply-on-merge'] === 'true',
        environment: yamlQuote(values.environment),
        refreshAfterApply: values['refresh-after-apply'] === 'true',
        migrationsPath: values['migrations-path'],
        twinWith: inputs(values, 'twin'),
        reverseWith: inputs(values, 'reverse'),
        secretNames: secrets(values).map(function (secret) { return secret.name; }).join(', ')
      };
    }

    function fileNames(values) {
      return values.reverse === 'true' ? ['neon-twin.yml', 'neon-reverse-twin.yml'] : ['neon-twin.yml'];
    }

    // [{path, content}]: YAML, so nothing is HTML-escaped (every value was made safe for YAML by view()).
    function render(values) {
      var model = view(values);
      var partials = data.templates;
      var saved = mustache.escape;
      mustache.escape = function (text) { return text; };
      try {
        return fileNames(values).map(function (name) {
          return { path: '.github/workflows/' + name, content: mustache.render(data.templates[name], model, partials) };
        });
      } finally {
        mustache.escape = saved;
      }
    }

    return {
      catalog: catalog, option: option, isOnOff: isOnOff, normalize: normalize, defaults: defaults,
      withValue: withValue, chosen: chosen, fragment: fragment, parse: parse, describeIgnored: describeIgnored,
      commandLine: commandLine, secrets: secrets, render: render, randomNight: randomNight
    };
  }

  // ---- cron -------------------------------------------------------------------------------------------------------

  function normalizeCron(text) {
    var fields = String(text).trim().split(/\s+/);
    if (fields.length !== CRON_FIELDS.length) {
      throw new Error('a cron expression has 5 fields (minute hour day-of-month month day-of-week), this one has ' + (text.trim() ? fields.length : 0));
    }
    fields.forEach(function (field, i) { expand(field, CRON_FIELDS[i]); });
    return fields.join(' ');
  }

  // The values a field allows, checking it on the way (the same rules as io.neontwin.init.Cron).
  function expand(text, field) {
    var set = {};
    text.split(',').forEach(function (item) {
      var match = CRON_ITEM.exec(item);
      if (!match) { throw new Error('the ' + field.name + " field '" + text + "' is not a number, *, a range, a list or a step"); }
      var from = field.min;
      var to = field.max;
      if (match[2] !== undefined) {
        from = parseInt(match[2], 10);
        to = match[3] === undefined ? (match[4] === undefined ? from : field.max) : parseInt(match[3], 10);
        var last = match[3] === undefined ? from : to;
        if (from < field.min || last > field.max || from > last) {
          throw new Error('the ' + field.name + " field '" + text + "' is outside " + field.min + '-' + field.max);
        }
      }
      var step = match[4] === undefined ? 1 : parseInt(match[4], 10);
      if (step === 0) { throw new Error('the ' + field.name + " field '" + text + "' has a step of 0"); }
      for (var v = from; v <= to; v += step) { set[v] = true; }
    });
    return set;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function single(text) { return /^\d+$/.test(text) ? parseInt(text, 10) : null; }

  function joinWords(words) {
    return words.length <= 1 ? words.join('') : words.slice(0, -1).join(', ') + ' and ' + words[words.length - 1];
  }

  function listOf(text, names) {
    if (!/^[\d,]+$/.test(text)) { return null; }
    return joinWords(text.split(',').map(function (n) { return names ? names[parseInt(n, 10) - (names === MONTHS ? 1 : 0)] : n; }));
  }

  // Plain words for a valid expression: "every day at 03:17 UTC", "every Monday at 03:17 UTC"...
  function describeCron(expression) {
    var f = normalizeCron(expression).split(' ');
    var minute = single(f[0]);
    var hour = single(f[1]);
    var time;
    if (minute !== null && hour !== null) {
      time = 'at ' + pad(hour) + ':' + pad(minute) + ' UTC';
    } else if (minute !== null && f[1] === '*') {
      time = 'at minute ' + minute + ' of every hour (UTC)';
    } else if (minute !== null && listOf(f[1])) {
      time = 'at minute ' + minute + ' past hours ' + listOf(f[1]) + ' (UTC)';
    } else {
      time = 'at minutes ' + f[0] + ' of hours ' + f[1] + ' (UTC)';
    }
    var days;
    if (f[2] === '*' && f[4] === '*') {
      days = 'every day';
    } else if (f[2] === '*') {
      days = listOf(f[4], DAYS) ? 'every ' + listOf(f[4], DAYS) : 'on days of the week ' + f[4];
    } else if (f[4] === '*') {
      days = listOf(f[2]) ? 'on day ' + listOf(f[2]) + ' of the month' : 'on days of the month ' + f[2];
    } else {
      days = 'on day ' + f[2] + ' of the month or on days of the week ' + f[4];
    }
    if (f[3] !== '*') {
      days += listOf(f[3], MONTHS) ? ' in ' + listOf(f[3], MONTHS) : ' in months ' + f[3];
    }
    return days + ' ' + time;
  }

  // The next `count` times (Date, UTC) the expression fires strictly after `from`.
  function nextRuns(expression, from, count) {
    var f = normalizeCron(expression).split(' ');
    var sets = f.map(function (field, i) { return expand(field, CRON_FIELDS[i]); });
    var dayOfMonthAny = f[2] === '*';
    var dayOfWeekAny = f[4] === '*';
    var runs = [];
    var t = new Date(from.getTime());
    t.setUTCSeconds(0, 0);
    t = new Date(t.getTime() + 60000);
    var limit = 366 * 24 * 60 * 5;
    for (var i = 0; i < limit && runs.length < count; i++) {
      var domOk = sets[2][t.getUTCDate()];
      var dowOk = sets[4][t.getUTCDay()];
      // Like cron: when both day fields are restricted, a day matching either one fires.
      var dayOk = dayOfMonthAny || dayOfWeekAny ? (domOk && dowOk) : (domOk || dowOk);
      if (!sets[3][t.getUTCMonth() + 1] || !dayOk) {
        t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 1));
        continue;
      }
      if (!sets[1][t.getUTCHours()]) {
        t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours() + 1));
        continue;
      }
      if (sets[0][t.getUTCMinutes()]) { runs.push(new Date(t.getTime())); }
      t = new Date(t.getTime() + 60000);
    }
    return runs;
  }

  var api = { create: create, normalizeCron: normalizeCron, describeCron: describeCron, nextRuns: nextRuns };
  if (typeof module === 'object' && module.exports) { module.exports = api; } else { root.NeonTwinGenerator = api; }
})(this);
