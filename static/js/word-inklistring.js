// Text pasted from Word into the tjänsteutlåtande editor: keep headings, lists, bold and
// italics, drop the rest. Word puts list items on the clipboard as paragraphs with an
// "mso-list" style and the bullet or number as text; headings as <h1>/<h2> or as paragraphs
// styled MsoHeading/MsoTitle. The editor knows only subheadings (h3, h4), so those become its
// headings and the list paragraphs become real lists; the editor's schema then drops fonts,
// colours and everything else it does not have. The server sanitises again on save
// (yttranden/formatering.py). Exposed as window.remissWordInklistring(html) -> html.
(function () {
  "use strict";

  const ÄR_WORD = /urn:schemas-microsoft-com:office|class="?Mso|mso-/i;
  const NUMRERAD = /^\(?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]$/;

  function nivå(stycke) {
    const träff = /level(\d+)/.exec(stycke.getAttribute("style") || "");
    return träff ? Number(träff[1]) : 1;
  }

  function ärListpunkt(el) {
    if (el.tagName !== "P") return false;
    const stil = el.getAttribute("style") || "";
    return /mso-list:\s*l\d/i.test(stil) || /MsoListParagraph/i.test(el.className);
  }

  // The marker Word writes as text ("1.", "·", "o", "§") and whether it is a number.
  function taBortMarkör(el) {
    let markör = "";
    el.querySelectorAll('[style*="mso-list:Ignore"], [style*="mso-list: Ignore"]').forEach(
      (span) => {
        markör += span.textContent;
        span.remove();
      },
    );
    if (!markör) {
      const träff = /^\s*(\S{1,4})\s+/.exec(el.textContent);
      if (träff && (NUMRERAD.test(träff[1]) || /^[·•o§▪-]$/.test(träff[1]))) {
        markör = träff[1];
        const text = el.firstChild;
        if (text && text.nodeType === Node.TEXT_NODE) {
          text.textContent = text.textContent.replace(/^\s*\S{1,4}\s+/, "");
        }
      }
    }
    return NUMRERAD.test(markör.replace(/\s|\u00a0/g, "")) ? "ol" : "ul";
  }

  function gruppera(dok) {
    const stycken = Array.from(dok.body.querySelectorAll("p")).filter(ärListpunkt);
    let stack = [];
    let föregående = null;
    stycken.forEach((stycke) => {
      if (föregående && föregående.nextElementSibling !== stycke) stack = [];
      const typ = taBortMarkör(stycke);
      const n = nivå(stycke);
      while (stack.length > n) stack.pop();
      while (stack.length < n) {
        const lista = dok.createElement(typ);
        const förälder = stack.length ? stack[stack.length - 1].lastElementChild : null;
        if (förälder) förälder.appendChild(lista);
        else stycke.before(lista);
        stack.push(lista);
      }
      const punkt = dok.createElement("li");
      const innehåll = dok.createElement("p");
      innehåll.append(...stycke.childNodes);
      punkt.appendChild(innehåll);
      stack[stack.length - 1].appendChild(punkt);
      föregående = stycke;
      // Keep the paragraph in place (empty) until the next item has been compared with it.
      stycke.replaceChildren();
      stycke.dataset.tom = "1";
    });
    dok.body.querySelectorAll("p[data-tom]").forEach((p) => p.remove());
  }

  function rubriker(dok) {
    dok.body.querySelectorAll("h1, h2, h5, h6, p").forEach((el) => {
      let ny = null;
      if (/^H[12]$/.test(el.tagName) || /MsoTitle|MsoHeading[12]\b/i.test(el.className)) {
        ny = "h3";
      } else if (/^H[56]$/.test(el.tagName) || /MsoHeading[3-6]/i.test(el.className)) {
        ny = "h4";
      }
      if (!ny) return;
      const rubrik = dok.createElement(ny);
      rubrik.append(...el.childNodes);
      el.replaceWith(rubrik);
    });
  }

  function fetKursiv(dok) {
    // Word marks emphasis with inline styles as often as with <b>/<i>.
    dok.body.querySelectorAll("span[style]").forEach((span) => {
      const stil = span.getAttribute("style");
      let inre = null;
      if (/font-weight:\s*(bold|[6-9]00)/i.test(stil)) inre = "strong";
      if (/font-style:\s*italic/i.test(stil)) {
        const em = dok.createElement("em");
        em.append(...span.childNodes);
        span.appendChild(em);
      }
      if (inre) {
        const fet = dok.createElement(inre);
        fet.append(...span.childNodes);
        span.appendChild(fet);
      }
    });
  }

  window.remissWordInklistring = function (html) {
    if (!ÄR_WORD.test(html)) return html;
    const dok = new DOMParser().parseFromString(html, "text/html");
    dok.querySelectorAll("style, script, meta, link, title, xml").forEach((el) => el.remove());
    rubriker(dok);
    gruppera(dok);
    fetKursiv(dok);
    return dok.body.innerHTML;
  };
})();
