// A form marked data-en-gang is submitted once: a double click on "Skicka remissen" sends one
// request. (The server refuses a second send anyway; this spares the person the error.)
document.querySelectorAll("form[data-en-gang]").forEach((form) => {
  form.addEventListener("submit", (händelse) => {
    if (form.dataset.skickas) {
      händelse.preventDefault();
      return;
    }
    form.dataset.skickas = "ja";
    form.querySelectorAll("button[type=submit]").forEach((knapp) => {
      knapp.setAttribute("aria-disabled", "true");
    });
  });
});
