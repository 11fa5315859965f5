// "Kopiera adressen" puts a feed address on the clipboard. Without JavaScript the buttons stay
// hidden and the address can still be selected in its field and copied by hand.
document.querySelectorAll("[data-kopiera]").forEach((knapp) => {
  knapp.hidden = false;
  knapp.addEventListener("click", async () => {
    const fält = document.getElementById(knapp.dataset.kopiera);
    const status = document.getElementById("kopierat");
    try {
      await navigator.clipboard.writeText(fält.value);
      status.textContent = "Adressen är kopierad. Klistra in den i kalenderprogrammet.";
    } catch {
      fält.focus();
      fält.select();
      status.textContent = "Adressen är markerad. Kopiera den med Ctrl+C (⌘C på Mac).";
    }
  });
});
