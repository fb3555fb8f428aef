// Progressive enhancement for long choosers (<select data-picker>): a search box above
// the list that keeps only the options whose names contain the words typed, ignoring
// case and diacritics ("vilaka" finds "Viļaka"). Without JavaScript the list works as is.
(function () {
  "use strict";
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
    select.parentNode.insertBefore(input, select);
    input.addEventListener("input", function () {
      var q = fold(input.value.trim());
      var first = null;
      Array.prototype.forEach.call(select.options, function (o) {
        var show = !o.value || !q || fold(o.text).indexOf(q) !== -1;
        o.hidden = !show;
        o.disabled = !show && !o.selected;
        if (show && o.value && !first) { first = o; }
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (g) {
        g.hidden = !Array.prototype.some.call(g.children, function (o) { return !o.hidden; });
      });
      if (first && q) { select.value = first.value; }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-picker]"), enhance);
  });
})();
