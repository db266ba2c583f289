// Cloak web pages: the CSRF header on htmx requests, the image preview controls and the upload page.
// Served from the server itself; the pages allow no inline script (Content-Security-Policy).
(function () {
  "use strict";

  function csrf() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : "";
  }

  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrf();
  });

  // image preview: window/level and frame change the image in place
  function preview() {
    var img = document.getElementById("preview-img");
    var form = document.getElementById("window-form");
    if (!img || !form) { return; }
    function update() {
      var q = new URLSearchParams(new FormData(form));
      img.src = img.getAttribute("data-base") + "?" + q.toString();
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    form.querySelectorAll("input").forEach(function (i) { i.addEventListener("change", update); });
  }

  function size(n) {
    if (n < 1024) { return n + " B"; }
    if (n < 1048576) { return (n / 1024).toFixed(1) + " KB"; }
    return (n / 1048576).toFixed(1) + " MB";
  }

  function cell(tr, text) {
    var td = document.createElement("td");
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  // upload: zip archives go one per request as application/zip, loose files in multipart batches
  function upload() {
    var root = document.getElementById("upload");
    if (!root) { return; }
    var api = root.getAttribute("data-api");
    var batchMax = Number(root.getAttribute("data-batch"));
    var tbody = root.querySelector("#upload-files tbody");
    var bar = document.getElementById("total-bar");
    var totalText = document.getElementById("total-text");
    var jobs = document.getElementById("upload-jobs");
    var total = 0;
    var sent = 0;
    var queue = [];
    var busy = false;

    function isZip(f) { return /\.zip$/i.test(f.name) || f.type === "application/zip"; }

    function add(files) {
      var loose = [];
      var looseBytes = 0;
      files.forEach(function (f) {
        var tr = document.createElement("tr");
        cell(tr, f.webkitRelativePath || f.name);
        cell(tr, size(f.size));
        var p = document.createElement("progress");
        p.max = 100; p.value = 0;
        p.setAttribute("aria-label", "Progress of " + f.name);
        tr.appendChild(document.createElement("td")).appendChild(p);
        var result = cell(tr, "waiting");
        tbody.appendChild(tr);
        var item = { file: f, bar: p, result: result };
        total += f.size;
        if (isZip(f)) {
          queue.push({ zip: true, items: [item], bytes: f.size });
        } else {
          if (loose.length && looseBytes + f.size > batchMax) {
            queue.push({ zip: false, items: loose, bytes: looseBytes });
            loose = []; looseBytes = 0;
          }
          loose.push(item); looseBytes += f.size;
        }
      });
      if (loose.length) { queue.push({ zip: false, items: loose, bytes: looseBytes }); }
      next();
    }

    function showTotal() {
      var pct = total ? Math.round(sent * 100 / total) : 0;
      bar.value = pct;
      bar.textContent = pct + "%";
      totalText.textContent = size(sent) + " of " + size(total) + " sent (" + pct + "%)";
    }

    function next() {
      if (busy || !queue.length) { return; }
      busy = true;
      send(queue.shift(), 1);
    }

    function send(batch, attempt) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", api);
      xhr.setRequestHeader("X-CSRF-Token", csrf());
      var body;
      if (batch.zip) {
        xhr.setRequestHeader("Content-Type", "application/zip");
        body = batch.items[0].file;
      } else {
        body = new FormData();
        batch.items.forEach(function (it) { body.append("files", it.file, "file.dcm"); });
      }
      var before = sent;
      batch.items.forEach(function (it) { it.result.textContent = attempt > 1 ? "sending again" : "sending"; });
      xhr.upload.onprogress = function (e) {
        if (!e.lengthComputable) { return; }
        var frac = e.loaded / e.total;
        batch.items.forEach(function (it) { it.bar.value = Math.round(frac * 100); });
        sent = before + Math.round(frac * batch.bytes);
        showTotal();
      };
      xhr.onload = function () {
        var job = null;
        try { job = JSON.parse(xhr.responseText); } catch (ignored) { job = null; }
        if (xhr.status === 202 && job) {
          batch.items.forEach(function (it) { it.bar.value = 100; it.result.textContent = "sent: job " + job.id; });
          sent = before + batch.bytes;
          follow(job.id);
        } else {
          var why = job && job.detail ? job.detail : "HTTP " + xhr.status;
          batch.items.forEach(function (it) { it.result.textContent = "refused: " + why; });
          sent = before + batch.bytes;
        }
        showTotal();
        busy = false;
        next();
      };
      xhr.onerror = function () {
        sent = before;
        if (attempt < 3) {
          setTimeout(function () { send(batch, attempt + 1); }, 1000 * attempt);
          return;
        }
        batch.items.forEach(function (it) { it.result.textContent = "network error: not sent"; });
        busy = false;
        next();
      };
      xhr.send(body);
    }

    function follow(id) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "/jobs/" + id;
      a.textContent = "Job " + id;
      li.appendChild(a);
      var state = document.createElement("span");
      state.className = "job-state";
      li.appendChild(state);
      var list = document.createElement("ul");
      li.appendChild(list);
      jobs.appendChild(li);
      function poll() {
        fetch("/api/v1/jobs/" + id, { credentials: "same-origin" }).then(function (r) { return r.json(); })
          .then(function (j) {
            state.textContent = ": " + j.state + ", " + j.stored + " stored, " + j.quarantined + " quarantined, "
              + j.rejected + " rejected";
            state.setAttribute("data-state", j.state);
            list.textContent = "";
            (j.problems || []).forEach(function (p) {
              var item = document.createElement("li");
              item.textContent = p.input + ": " + p.outcome + " (" + p.reason + ")";
              list.appendChild(item);
            });
            if (j.state !== "done" && j.state !== "failed" && j.state !== "cancelled") { setTimeout(poll, 1000); }
          }).catch(function () { setTimeout(poll, 3000); });
      }
      poll();
    }

    // folders dropped: walk their entries
    function walk(entry, out) {
      return new Promise(function (resolve) {
        if (entry.isFile) {
          entry.file(function (f) { out.push(f); resolve(); }, function () { resolve(); });
        } else if (entry.isDirectory) {
          var reader = entry.createReader();
          var all = [];
          (function readMore() {
            reader.readEntries(function (entries) {
              if (!entries.length) {
                Promise.all(all.map(function (e) { return walk(e, out); })).then(resolve);
                return;
              }
              all = all.concat(Array.prototype.slice.call(entries));
              readMore();
            }, function () { resolve(); });
          })();
        } else { resolve(); }
      });
    }

    var drop = document.getElementById("drop");
    drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      drop.classList.remove("over");
      var items = e.dataTransfer.items;
      var out = [];
      if (items && items.length && items[0].webkitGetAsEntry) {
        var entries = [];
        for (var i = 0; i < items.length; i++) {
          var en = items[i].webkitGetAsEntry();
          if (en) { entries.push(en); }
        }
        Promise.all(entries.map(function (en) { return walk(en, out); })).then(function () { add(out); });
      } else {
        add(Array.prototype.slice.call(e.dataTransfer.files));
      }
    });
    ["pick-files", "pick-folder"].forEach(function (id) {
      var input = document.getElementById(id);
      input.addEventListener("change", function () {
        add(Array.prototype.slice.call(input.files));
        input.value = "";
      });
    });
  }

  // QC board: a checkbox to select every row
  function board() {
    var form = document.getElementById("board-form");
    if (!form) { return; }
    var head = form.querySelector("thead th .sr");
    if (!head) { return; }
    var all = document.createElement("input");
    all.type = "checkbox";
    all.id = "select-all";
    all.setAttribute("aria-label", "Select every session");
    head.parentNode.appendChild(all);
    all.addEventListener("change", function () {
      form.querySelectorAll('input[name="session"]').forEach(function (c) { c.checked = all.checked; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    preview();
    upload();
    board();
  });
})();
