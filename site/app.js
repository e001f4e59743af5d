// The page: a form built from the catalog, the files rendered on every change, state in the URL fragment.
(function () {
  'use strict';

  var generator = NeonTwinGenerator.create(NEON_TWIN_DATA, Mustache);
  var SECTIONS = [
    { title: 'Twin workflow', holds: function (o) { return o.group === 'twin' && !o.actionInput; } },
    { title: 'What the twin copies and checks', holds: function (o) { return o.group === 'twin' && o.actionInput; } },
    { title: 'Reverse twin: migrations back to production', holds: function (o) { return o.group === 'reverse'; } },
    { title: 'Notifications and report (both workflows)', holds: function (o) { return o.group === 'both'; } }
  ];
  var SCHEDULE_NOTE = ' In a public repository GitHub disables schedules after 60 days without activity in it.';
  var values;
  var files = [];

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function buildForm() {
    var form = document.getElementById('options');
    SECTIONS.forEach(function (section) {
      var fieldset = element('fieldset');
      fieldset.appendChild(element('legend', {}, section.title));
      generator.catalog.options.filter(section.holds).forEach(function (option) { fieldset.appendChild(field(option)); });
      form.appendChild(fieldset);
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
  }

  function field(option) {
    var id = 'opt-' + option.name;
    var onOff = generator.isOnOff(option);
    var wrapper = element('div', { class: 'field' + (onOff ? ' check' : ''), id: 'field-' + option.name });
    var help = element('p', { class: 'help', id: 'help-' + option.name }, option.help + (option.kind === 'cron' ? SCHEDULE_NOTE : ''));
    var error = element('p', { class: 'error', id: 'error-' + option.name, hidden: '' });
    var control;
    if (onOff) {
      control = element('input', { type: 'checkbox' });
    } else if (option.kind === 'choice') {
      control = element('select');
      option.allowed.forEach(function (allowed) { control.appendChild(element('option', { value: allowed }, allowed)); });
    } else if (option.kind === 'list') {
      control = element('textarea', { rows: '2', spellcheck: 'false', placeholder: 'one a line, or comma-separated' });
    } else if (option.kind === 'number') {
      control = element('input', { type: 'number', min: String(option.min), max: String(option.max) });
    } else {
      control = element('input', { type: 'text', spellcheck: 'false', autocomplete: 'off' });
    }
    control.id = id;
    control.name = option.name;
    control.setAttribute('aria-describedby', 'help-' + option.name + ' error-' + option.name);
    var label = element('label', { for: id }, option.label);
    if (onOff) {
      wrapper.appendChild(control);
      wrapper.appendChild(label);
    } else {
      wrapper.appendChild(label);
      wrapper.appendChild(control);
    }
    wrapper.appendChild(help);
    if (option.kind === 'cron') {
      wrapper.appendChild(element('p', { class: 'cron-words', id: 'cron-words', 'aria-live': 'polite' }));
      wrapper.appendChild(element('p', { class: 'help', id: 'cron-next-label' }, 'Next three runs (UTC):'));
      wrapper.appendChild(element('ul', { class: 'cron-next', id: 'cron-next', 'aria-labelledby': 'cron-next-label' }));
    }
    wrapper.appendChild(error);
    control.addEventListener(onOff || option.kind === 'choice' ? 'change' : 'input', function () { changed(option, control); });
    return wrapper;
  }

  function controlValue(option, control) {
    if (generator.isOnOff(option)) { return control.checked ? 'true' : 'false'; }
    return control.value;
  }

  function changed(option, control) {
    var error = document.getElementById('error-' + option.name);
    try {
      values = generator.withValue(values, option.name, controlValue(option, control));
      error.hidden = true;
      error.textContent = '';
      control.removeAttribute('aria-invalid');
    } catch (invalid) {
      // The last good value stays in force: the files never hold a value GitHub would refuse.
      error.textContent = invalid.message + '; the files keep ' + (values[option.name] === '' ? 'no value' : "'" + values[option.name] + "'") + '.';
      error.hidden = false;
      control.setAttribute('aria-invalid', 'true');
    }
    update();
  }

  function showValues() {
    generator.catalog.options.forEach(function (option) {
      var control = document.getElementById('opt-' + option.name);
      if (generator.isOnOff(option)) {
        control.checked = values[option.name] === 'true';
      } else if (option.kind === 'list') {
        control.value = values[option.name].split(',').filter(Boolean).join('\n');
      } else {
        control.value = values[option.name];
      }
      control.removeAttribute('aria-invalid');
      document.getElementById('error-' + option.name).hidden = true;
    });
  }

  function update() {
    var fragment = generator.fragment(values);
    if (location.hash.substring(1) !== fragment) { history.replaceState(null, '', '#' + fragment); }
    generator.catalog.options.forEach(function (option) {
      document.getElementById('field-' + option.name).hidden = !!option.requires && values[option.requires] !== 'true';
    });
    showSchedule();
    files = generator.render(values);
    showSecrets();
    showFiles();
    document.getElementById('command').textContent = generator.commandLine(values);
  }

  function showSchedule() {
    var words = document.getElementById('cron-words');
    var next = document.getElementById('cron-next');
    words.textContent = 'Runs ' + NeonTwinGenerator.describeCron(values.schedule) + '.';
    next.textContent = '';
    NeonTwinGenerator.nextRuns(values.schedule, new Date(), 3).forEach(function (date) {
      next.appendChild(element('li', {}, date.toISOString().replace('T', ' ').substring(0, 16) + ' UTC'));
    });
  }

  function showSecrets() {
    var list = document.getElementById('secrets');
    list.textContent = '';
    generator.secrets(values).forEach(function (secret) {
      var item = element('li');
      item.appendChild(element('code', {}, secret.name));
      item.appendChild(document.createTextNode(': ' + secret.help));
      list.appendChild(item);
    });
  }

  function showFiles() {
    var container = document.getElementById('files');
    container.textContent = '';
    files.forEach(function (file, index) {
      var head = element('div', { class: 'code-head' });
      head.appendChild(element('span', { id: 'file-name-' + index }, file.path));
      var copy = element('button', { type: 'button', class: 'copy-file', 'data-path': file.path, 'aria-describedby': 'file-name-' + index },
        'Copy ' + file.path.split('/').pop());
      var status = element('span', { class: 'copied', 'aria-live': 'polite' });
      copy.addEventListener('click', function () { copyText(file.content, status); });
      var right = element('div');
      right.appendChild(status);
      right.appendChild(copy);
      head.appendChild(right);
      var pre = element('pre', { tabindex: '0', 'aria-label': file.path });
      var code = element('code', { class: 'language-yaml' });
      code.innerHTML = highlight(file.content);
      pre.appendChild(code);
      container.appendChild(head);
      container.appendChild(pre);
    });
  }

  function copyText(text, status) {
    var done = function () { status.textContent = 'Copied'; setTimeout(function () { status.textContent = ''; }, 2000); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  function fallbackCopy(text) {
    var area = element('textarea', { 'aria-hidden': 'true' });
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    document.body.removeChild(area);
  }

  // ---- YAML highlighting: comments, keys, quoted strings and ${{ }} expressions, on escaped text ----
  function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function highlight(yaml) {
    return yaml.split('\n').map(function (line) {
      var comment = /^(\s*)(#.*)$/.exec(line);
      if (comment) { return comment[1] + '<span class="y-comment">' + escapeHtml(comment[2]) + '</span>'; }
      var keyed = /^(\s*(?:- )?)([A-Za-z0-9_.-]+)(:)(.*)$/.exec(line);
      var head = '';
      var rest = line;
      if (keyed) {
        head = escapeHtml(keyed[1]) + '<span class="y-key">' + escapeHtml(keyed[2]) + '</span>:';
        rest = keyed[4];
      }
      return head + escapeHtml(rest)
        .replace(/\$\{\{[^}]*\}\}/g, function (expr) { return '<span class="y-expr">' + expr + '</span>'; })
        .replace(/'(?:[^']|'')*'/g, function (str) { return '<span class="y-str">' + str + '</span>'; });
    }).join('\n');
  }

  // ---- Download all: a zip (stored, no compression) holding .github/workflows/... ----
  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) { c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; }
      table.push(c >>> 0);
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) { crc = CRC_TABLE[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8); }
    return (crc ^ 0xFFFFFFFF) >>> 0;
  }

  function zip(entries) {
    var encoder = new TextEncoder();
    var parts = [];
    var central = [];
    var offset = 0;
    function header(size) { var view = new DataView(new ArrayBuffer(size)); return view; }
    entries.forEach(function (entry) {
      var name = encoder.encode(entry.path);
      var data = encoder.encode(entry.content);
      var crc = crc32(data);
      var local = header(30);
      local.setUint32(0, 0x04034b50, true); local.setUint16(4, 20, true); local.setUint16(6, 0x0800, true);
      local.setUint32(14, crc, true); local.setUint32(18, data.length, true); local.setUint32(22, data.length, true);
      local.setUint16(26, name.length, true);
      parts.push(local.buffer, name, data);
      var dir = header(46);
      dir.setUint32(0, 0x02014b50, true); dir.setUint16(4, 20, true); dir.setUint16(6, 20, true); dir.setUint16(8, 0x0800, true);
      dir.setUint32(16, crc, true); dir.setUint32(20, data.length, true); dir.setUint32(24, data.length, true);
      dir.setUint16(28, name.length, true); dir.setUint32(42, offset, true);
      central.push(dir.buffer, name);
      offset += 30 + name.length + data.length;
    });
    var centralSize = central.reduce(function (sum, part) { return sum + part.byteLength; }, 0);
    var end = header(22);
    end.setUint32(0, 0x06054b50, true); end.setUint16(8, entries.length, true); end.setUint16(10, entries.length, true);
    end.setUint32(12, centralSize, true); end.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [end.buffer]), { type: 'application/zip' });
  }

  function downloadAll() {
    var link = element('a', { download: 'neon-twin-workflows.zip' });
    link.href = URL.createObjectURL(zip(files));
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  // ---- State from the URL fragment ----
  function load() {
    var parsed = generator.parse(location.hash);
    values = parsed.values;
    var message = document.getElementById('message');
    message.textContent = '';
    if (parsed.ignored.length) {
      var box = element('div', {}, 'This link held values that cannot be used, so those options are at their defaults: '
        + parsed.ignored.map(generator.describeIgnored).join('; ') + '.');
      message.appendChild(box);
      message.hidden = false;
    } else {
      message.hidden = true;
    }
    showValues();
    update();
  }

  buildForm();
  document.getElementById('download-all').addEventListener('click', downloadAll);
  document.getElementById('copy-command').addEventListener('click', function () {
    copyText(document.getElementById('command').textContent, document.getElementById('command-copied'));
  });
  window.addEventListener('hashchange', function () {
    if (location.hash.substring(1) !== generator.fragment(values)) { load(); }
  });
  load();
})();
