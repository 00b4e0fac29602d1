// Small behaviours the pages ask for with data- attributes: no inline script, so the
// Content-Security-Policy can forbid it.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field.dataset && field.dataset.autosubmit !== undefined && field.form) {
    field.form.submit();
  }
});
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-rewrite]") : null;
  if (!button) return;
  var box = document.getElementById(button.dataset.rewriteTarget);
  if (!box) return;
  box.value = button.dataset.rewrite;
  box.focus();
  box.dispatchEvent(new Event("input", { bubbles: true }));
});
// The header's menu is a <details>: always open on wide screens, where its toggle is hidden;
// closed at first on phones, and closed again by Escape.
(function () {
  var menu = document.querySelector("[data-menu]");
  if (!menu || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 901px)");
  function sync() { menu.open = wide.matches; }
  sync();
  wide.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
// On phones a table of the class "list" reads as one card per row (app.css): each cell is
// labelled here with its column's heading, so the templates stay plain tables.
function tablesLabel() {
  document.querySelectorAll("table.list").forEach(function (table) {
    if (!table.tHead || table.tHead.rows.length !== 1) return;
    var headings = [];
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      var hidden = cell.querySelector(".sr-only");
      var text = cell.textContent.trim();
      if (hidden && hidden.textContent.trim() === text) text = "";  // no visible heading
      for (var i = 0; i < cell.colSpan; i++) headings.push(text);
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          cell.dataset.label = cell.colSpan > 1 ? "" : headings[column] || "";
          column += cell.colSpan;
        });
      });
    });
    table.classList.add("cards");
  });
}
tablesLabel();
document.addEventListener("htmx:afterSettle", tablesLabel);
// The companion's drafts: the mail link follows the edits, and "Copy" copies the message.
document.addEventListener("input", function (event) {
  var box = event.target.closest ? event.target.closest("[data-draft]") : null;
  if (!box) return;
  var link = box.querySelector("[data-draft-mailto]");
  var to = box.querySelector("[data-draft-to]").value.split(",").map(function (a) {
    return encodeURIComponent(a.trim()).replace("%40", "@");
  }).filter(Boolean).join(",");
  link.href = "mailto:" + to + "?subject=" + encodeURIComponent(box.querySelector("[data-draft-subject]").value) +
    "&body=" + encodeURIComponent(box.querySelector("[data-draft-body]").value);
});
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-copy]") : null;
  if (!button) return;
  var field = document.getElementById(button.dataset.copy);
  if (!field) return;
  var done = function () { button.textContent = button.dataset.copied; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
  } else {
    field.select();
    document.execCommand("copy");
    done();
  }
});
// The rubric: competencies are dragged by their handle (SortableJS, loaded by that page only);
// the new order is posted at once. Without script, each competency's arrows do the same.
document.addEventListener("DOMContentLoaded", function () {
  var list = document.querySelector("[data-sortable]");
  if (!list || !window.Sortable) return;
  var form = document.getElementById(list.dataset.sortable);
  var status = document.getElementById("rubric-order-status");
  list.classList.add("sortable");
  window.Sortable.create(list, {
    handle: ".drag-handle",
    draggable: "[data-competency]",
    animation: 150,
    onEnd: function (event) {
      if (event.oldIndex === event.newIndex) return;
      var order = Array.prototype.map.call(
        list.querySelectorAll("[data-competency]"),
        function (card) { return card.dataset.competency; }
      );
      form.elements.order.value = order.join(",");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "HX-Request": "true" },
        credentials: "same-origin",
      }).then(function (reply) {
        if (!reply.ok) { window.location.reload(); return; }
        if (status) status.textContent = status.dataset.saved || "";
      }, function () { window.location.reload(); });
    },
  });
});
