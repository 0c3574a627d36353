// Give focus back to the button that opened a sidebar dialog when it closes.
// The theme blurs its sidebar buttons on click (to hide their tooltips), so
// the dialog has nothing to return focus to, and a keyboard user is left at
// the top of the page. This listener runs first (capture, on the document)
// and remembers the button.
(function () {
  var opener = null;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".primary-toggle, .secondary-toggle");
    if (button) opener = button;
  }, true);
  document.addEventListener("DOMContentLoaded", function () {
    ["pst-primary-sidebar-modal", "pst-secondary-sidebar-modal"].forEach(function (id) {
      var dialog = document.getElementById(id);
      if (dialog) dialog.addEventListener("close", function () {
        if (opener) opener.focus();
      });
    });
  });
})();
