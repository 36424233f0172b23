// Filter the list of jobcentres as you type. Without this script the whole list shows, and works the same.
(function () {
  var finder = document.getElementById("finder");
  var input = document.getElementById("find");
  var status = document.getElementById("find-count");
  if (!finder || !input) { return; }
  finder.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-find]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".library-district"));
  function filter() {
    var words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = item.getAttribute("data-find");
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-find]:not([hidden])");
    });
    if (!words.length) { status.textContent = ""; return; }
    status.textContent = shown === 0 ? status.getAttribute("data-none")
      : (shown === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many").replace("99", shown));
  }
  input.addEventListener("input", filter);
})();
