// Small behaviours that need no framework: dismissing toasts, selecting a new token.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var close = event.target.closest(".toast-close");
    if (close) close.parentElement.remove();
  });
  function autoDismiss(root) {
    root.querySelectorAll(".toast-ok").forEach(function (toast) {
      setTimeout(function () { toast.remove(); }, 6000);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    autoDismiss(document);
    var token = document.getElementById("new-token");
    if (token) {
      var range = document.createRange();
      range.selectNodeContents(token);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) { autoDismiss(document); });
})();
