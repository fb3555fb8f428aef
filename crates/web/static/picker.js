// Progressive enhancement for long choosers (<select data-picker>): a search box above
// the list that keeps only the options whose names contain the words typed, ignoring
// case and diacritics ("vilaka" finds "Viļaka"). Nothing is chosen behind the user's back:
// a status line says how many places match, and only a single match is chosen — and then
// named (never in a list of many choices, where choosing one would drop the others). The
// words come from the page (data-count, data-one on this script's tag, in the
// page's language). Without JavaScript the list works as is.
(function () {
  "use strict";
  var script = document.currentScript;
  var words = {
    count: (script && script.getAttribute("data-count")) || "{count}",
    one: (script && script.getAttribute("data-one")) || "{name}",
  };
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function enhance(select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var input = document.createElement("input");
    input.type = "search";
    input.id = select.id + "-search";
    input.className = "picker-search";
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-controls", select.id);
    var hint = select.getAttribute("data-picker");
    input.setAttribute("aria-label", (label ? label.textContent.trim() + ": " : "") + hint);
    input.placeholder = hint;
    var status = document.createElement("p");
    status.id = select.id + "-matches";
    status.className = "hint picker-status";
    status.setAttribute("role", "status");
    select.parentNode.insertBefore(input, select);
    select.parentNode.insertBefore(status, select);
    input.addEventListener("input", function () {
      var q = fold(input.value.trim());
      var shown = [];
      Array.prototype.forEach.call(select.options, function (o) {
        var show = !o.value || !q || fold(o.text).indexOf(q) !== -1;
        o.hidden = !show;
        o.disabled = !show && !o.selected;
        if (show && o.value) { shown.push(o); }
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (g) {
        g.hidden = !Array.prototype.some.call(g.children, function (o) { return !o.hidden; });
      });
      if (!q) {
        status.textContent = "";
      } else if (shown.length === 1 && !select.multiple) {
        select.value = shown[0].value;
        status.textContent = words.one.replace("{name}", shown[0].text);
      } else {
        status.textContent = words.count.replace("{count}", String(shown.length));
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-picker]"), enhance);
  });
})();
