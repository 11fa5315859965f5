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
      return true;
    };
    svenska();
    new MutationObserver(svenska).observe(ram, { childList: true, subtree: true });
  });

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form[data-autospara]");
    if (!form) return;
    const status = document.getElementById("sparstatus");
    const krockruta = document.getElementById("krock");
    const FÖRDRÖJNING = 1500;
    let timer = null;
    let osparat = false;
    let stoppad = false;
    let kedja = Promise.resolve();

    async function skickaTillServern() {
      if (!osparat || stoppad) return;
      osparat = false;
      status.textContent = "Sparar …";
      let svar;
      let data = {};
      try {
        svar = await fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          headers: {
            "X-Autosparning": "1",
            "X-CSRFToken": form.elements.csrfmiddlewaretoken.value,
          },
        });
      } catch (fel) {
        osparat = true;
        status.textContent = "Kunde inte spara – kontrollera nätverket. Försöker igen om en stund.";
        planera(10000);
        return;
      }
      try {
        data = await svar.json();
      } catch (fel) {
        data = {}; // the server answered, but not with JSON (a proxy's error page)
      }
      if (svar.ok) {
        form.elements["grundad_på"].value = data.version;
        status.textContent = data.status;
        return;
      }
      // Someone else saved in between, or the utlåtande is no longer an utkast: stop, keep the
      // text in the editor and show why (and the refused text) instead of retrying.
      // Anything else (413: too large) is shown and not retried on its own: the next edit tries
      // again, so removing the oversized paste saves the rest of the text.
      stoppad = svar.status === 409;
      osparat = !stoppad;
      status.textContent = data.fel || `Kunde inte spara (fel ${svar.status}). Ändra texten eller ladda om sidan.`;
      if (data.html && krockruta) krockruta.innerHTML = data.html;
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

    form.addEventListener("input", () => {
      osparat = true;
      if (!stoppad) planera(FÖRDRÖJNING);
    });
    form.addEventListener("submit", (e) => {
      if (stoppad) return; // let the page itself show the conflict
      e.preventDefault();
      osparat = true;
      sparaNu();
    });
    // Sending for review first saves what is not yet saved, so the reviewer sees the last word.
    document.querySelectorAll("form[data-skicka]").forEach((skickform) => {
      skickform.addEventListener("submit", async (e) => {
        if (!osparat) return;
        e.preventDefault();
        await sparaNu();
        if (!stoppad) skickform.submit();
      });
    });
    window.addEventListener("beforeunload", (e) => {
      if (osparat && !stoppad) e.preventDefault();
    });
  });
})();
