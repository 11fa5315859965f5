// The tjänsteutlåtande editor page: Swedish labels for the editor, and autosave that keeps the
// writer's focus and cursor where they are. Loaded as a classic script before the editor's
// modules, because the editor reads window.gettext once when it loads.
(function () {
  "use strict";

  const DIALOGER = {
    Update: "Uppdatera",
    Cancel: "Avbryt",
    URL: "Adress (URL)",
    Title: "Titel",
    "Edit Link": "Länk",
    Insert: "Infoga",
    "List properties": "Listans utseende",
    "List type": "Listtyp",
    "Start at": "Börja på",
    "Decimal numbers": "Siffror",
    "Lowercase letters": "Små bokstäver",
    "Uppercase letters": "Stora bokstäver",
    "Lowercase Roman numerals": "Små romerska siffror",
    "Uppercase Roman numerals": "Stora romerska siffror",
    "Open in new window": "Öppna i nytt fönster",
  };
  const KNAPPAR = {
    paragraph: "Brödtext",
    "heading 3": "Underrubrik",
    "heading 4": "Underrubrik, lägre nivå",
    "unordered list": "Punktlista",
    "ordered list": "Numrerad lista",
    blockquote: "Citat",
    bold: "Fetstil",
    italic: "Kursiv",
    "insert link": "Infoga länk",
    "remove link": "Ta bort länk",
    undo: "Ångra",
    redo: "Gör om",
  };
  if (typeof window.gettext !== "function") {
    window.gettext = (text) => DIALOGER[text] || text;
  }

  // Pasted Word text: its headings, lists, bold and italics kept (word-inklistring.js). The
  // editor's own paste handling runs on the result, as a plugin added to the running editor.
  function klistraInFrånWord(editor) {
    const omvandla = window.remissWordInklistring;
    const Plugin = editor.state.plugins.length && editor.state.plugins[0].constructor;
    if (!omvandla || !Plugin) return;
    editor.registerPlugin(new Plugin({ props: { transformPastedHTML: omvandla } }));
  }

  document.addEventListener("prose-editor:ready", (händelse) => {
    const { editor, textarea } = händelse.detail;
    klistraInFrånWord(editor);
    const ram = textarea.closest(".prose-editor");
    const etikett = document.querySelector(`label[for="${textarea.id}"]`);
    const yta = editor.view.dom;
    yta.setAttribute("role", "textbox");
    yta.setAttribute("aria-multiline", "true");
    if (etikett && etikett.id) {
      yta.setAttribute("aria-labelledby", etikett.id);
      etikett.addEventListener("click", (e) => {
        e.preventDefault();
        editor.commands.focus();
      });
    }
    // The editor builds its menu bar after it reports ready: label it when it appears.
    // Relabelling is idempotent: a Swedish title is not in KNAPPAR.
    const svenska = () => {
      const meny = ram.querySelector(".prose-menubar");
      if (!meny) return false;
      meny.setAttribute("role", "toolbar");
      meny.setAttribute("aria-label", `Formatering${etikett ? ": " + etikett.textContent : ""}`);
      meny.querySelectorAll("button[title]").forEach((knapp) => {
        const svensk = KNAPPAR[knapp.title];
        if (svensk) {
          knapp.title = svensk;
          knapp.setAttribute("aria-label", svensk);
        }
      });
      // The editor greys out a button that does nothing where the cursor is (Ångra with no
      // history, Citat in a heading) by a class alone; say so to assistive technology too.
      meny.querySelectorAll(".prose-menubar__button").forEach((knapp) => {
        const ur = knapp.classList.contains("disabled") && !knapp.classList.contains("active");
        if (knapp.getAttribute("aria-disabled") !== String(ur)) {
          knapp.setAttribute("aria-disabled", String(ur));
        }
      });
      return true;
    };
    svenska();
    new MutationObserver(svenska).observe(ram, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["class"],
    });
  });

  // Autosave. What changed is saved together; should the server refuse that as too large (a
  // huge paste: 413), each changed section is sent on its own, so the one that is too large is
  // named, with the limit, and every other section still saves. The too-large section waits for
  // its next edit.
  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form[data-autospara]");
    if (!form) return;
    const status = document.getElementById("sparstatus");
    const krockruta = document.getElementById("krock");
    const FÖRDRÖJNING = 1500;
    const ändrade = new Set(); // sections edited since they were last saved
    const förStora = new Map(); // section → the server's message, until it is edited again
    let timer = null;
    let stoppad = false;
    let kedja = Promise.resolve();

    const allaAvsnitt = () => [...form.querySelectorAll("[data-sektion]")].map((a) => a.dataset.sektion);
    // The stances per förslag (when the remiss has förslag) are one more "section", "st": their
    // fields carry the form's prefix "st-" and are sent together.
    const STÄLLNING = "st";
    const rubrik = (pk) => (pk === STÄLLNING ? "Ställningstaganden" : form.elements[`rubrik_${pk}`].value);

    function visaFel(pk, text) {
      const ruta = document.getElementById(`avsnittsfel-${pk}`);
      if (!ruta) return;
      ruta.textContent = text || "";
      ruta.hidden = !text;
    }

    async function skicka(avsnitt) {
      const data = new FormData();
      data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
      data.append("grundad_på", form.elements["grundad_på"].value);
      avsnitt.forEach((pk) => {
        if (pk === STÄLLNING) {
          for (const [namn, värde] of new FormData(form)) {
            if (namn.startsWith(`${STÄLLNING}-`)) data.append(namn, värde);
          }
          return;
        }
        data.append(`rubrik_${pk}`, rubrik(pk));
        data.append(`text_${pk}`, form.elements[`text_${pk}`].value);
      });
      const svar = await fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: {
          "X-Autosparning": "1",
          "X-CSRFToken": form.elements.csrfmiddlewaretoken.value,
        },
      });
      let innehåll = {};
      try {
        innehåll = await svar.json();
      } catch (fel) {
        innehåll = {}; // the server answered, but not with JSON (a proxy's error page)
      }
      if (svar.ok) form.elements["grundad_på"].value = innehåll.version;
      return { svar, innehåll };
    }

    function sammanfatta(sparat) {
      const fel = [...förStora].map(([pk, text]) => `Avsnittet ”${rubrik(pk)}” sparades inte: ${text}`);
      status.textContent = [sparat, ...fel].filter(Boolean).join(" ");
    }

    async function skickaTillServern() {
      if (stoppad || ändrade.size === 0) return;
      const avsnitt = [...ändrade];
      ändrade.clear();
      status.textContent = "Sparar …";
      const omgångar = [avsnitt];
      let sparat = "";
      while (omgångar.length) {
        const omgång = omgångar.shift();
        let resultat;
        try {
          resultat = await skicka(omgång);
        } catch (fel) {
          [...omgång, ...omgångar.flat()].forEach((pk) => ändrade.add(pk));
          status.textContent = "Kunde inte spara – kontrollera nätverket. Försöker igen om en stund.";
          planera(10000);
          return;
        }
        const { svar, innehåll } = resultat;
        if (svar.ok) {
          omgång.forEach((pk) => visaFel(pk, ""));
          sparat = innehåll.status;
          continue;
        }
        if (svar.status === 413 && omgång.length > 1) {
          omgångar.push(...omgång.map((pk) => [pk])); // find the one that is too large
          continue;
        }
        if (svar.status === 409) {
          // Someone else saved in between, or the utlåtande is no longer an utkast: stop, keep
          // the text in the editor and show why (and the refused text) instead of retrying.
          stoppad = true;
          status.textContent = innehåll.fel || "Utlåtandet kunde inte sparas.";
          if (innehåll.html && krockruta) krockruta.innerHTML = innehåll.html;
          return;
        }
        // Too large (413) or refused for another reason: named on the section and in the
        // status line, and not retried until the section is edited again.
        const text = innehåll.fel || `Kunde inte spara (fel ${svar.status}). Ändra texten eller ladda om sidan.`;
        omgång.forEach((pk) => {
          förStora.set(pk, text);
          visaFel(pk, text);
        });
      }
      sammanfatta(sparat);
    }

    function sparaNu() {
      clearTimeout(timer);
      kedja = kedja.then(skickaTillServern);
      return kedja;
    }

    function planera(fördröjning) {
      clearTimeout(timer);
      timer = setTimeout(sparaNu, fördröjning);
    }

    form.addEventListener("input", (händelse) => {
      const avsnitt = händelse.target.closest("[data-sektion]");
      if (!avsnitt) return;
      ändrade.add(avsnitt.dataset.sektion);
      förStora.delete(avsnitt.dataset.sektion);
      if (!stoppad) planera(FÖRDRÖJNING);
    });
    form.addEventListener("submit", (e) => {
      if (stoppad) return; // let the page itself show the conflict
      e.preventDefault();
      allaAvsnitt().filter((pk) => !förStora.has(pk)).forEach((pk) => ändrade.add(pk));
      sparaNu();
    });
    // Sending for review first saves what is not yet saved, so the reviewer sees the last word.
    document.querySelectorAll("form[data-skicka]").forEach((skickform) => {
      skickform.addEventListener("submit", async (e) => {
        if (ändrade.size === 0) return;
        e.preventDefault();
        await sparaNu();
        if (!stoppad) skickform.submit();
      });
    });
    window.addEventListener("beforeunload", (e) => {
      if ((ändrade.size || förStora.size) && !stoppad) e.preventDefault();
    });
  });
})();
