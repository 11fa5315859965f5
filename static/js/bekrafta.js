// Forms marked data-bekrafta="Fråga?" ask before they submit (e.g. removing something).
// Without JavaScript the form still works; this only guards against a slip of the mouse.
document.addEventListener("submit", (event) => {
  const fråga = event.target.dataset && event.target.dataset.bekrafta;
  if (fråga && !window.confirm(fråga)) {
    event.preventDefault();
  }
});
