// Ticks or unticks a whole group of recipients when its "Samtliga …" box changes, and keeps
// that box honest when single boxes change. Without JavaScript the server expands the groups.
document.querySelectorAll(".mottagargrupp").forEach((grupp) => {
  const genväg = grupp.querySelector(".genvag input[type=checkbox]");
  const rutor = [...grupp.querySelectorAll(".ds-field:not(.genvag) input[type=checkbox]")];
  const uppdatera = () => {
    const valda = rutor.filter((ruta) => ruta.checked).length;
    genväg.checked = valda === rutor.length;
    genväg.indeterminate = valda > 0 && valda < rutor.length;
  };
  genväg.addEventListener("change", () => {
    rutor.forEach((ruta) => {
      ruta.checked = genväg.checked;
    });
  });
  rutor.forEach((ruta) => ruta.addEventListener("change", uppdatera));
  // A shortcut ticked before a failed submit stands for its whole group.
  if (genväg.checked) rutor.forEach((ruta) => (ruta.checked = true));
  else uppdatera();
});
