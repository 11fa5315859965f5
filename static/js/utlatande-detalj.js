// Review and attest buttons: a second click while the first is on its way does nothing (the
// server also refuses a second attest), and a refused "send for review" gets focus to its list.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("button[data-en-gang]").forEach((knapp) => {
      knapp.form.addEventListener("submit", () => {
        setTimeout(() => {
          knapp.disabled = true;
          knapp.setAttribute("aria-disabled", "true");
        }, 0);
      });
    });
    const fel = document.getElementById("skickfel");
    if (fel) fel.focus();
  });
})();
