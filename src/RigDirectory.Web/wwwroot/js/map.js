// Shows the name and counts of the region or school under the pointer or keyboard focus.
// Without JavaScript the map still works: every region and school is a plain, labelled link.
(function () {
    "use strict";
    var tip = document.createElement("div");
    tip.className = "rd-map-tip";
    tip.setAttribute("aria-hidden", "true");
    tip.hidden = true;
    document.body.appendChild(tip);

    function show(element, x, y) {
        tip.textContent = element.getAttribute("aria-label");
        tip.hidden = false;
        tip.style.left = (x + window.scrollX + 12) + "px";
        tip.style.top = (y + window.scrollY + 12) + "px";
    }

    function hide() {
        tip.hidden = true;
    }

    document.querySelectorAll(".rd-map-svg a[aria-label]").forEach(function (element) {
        element.addEventListener("mousemove", function (event) {
            show(element, event.clientX, event.clientY);
        });
        element.addEventListener("mouseleave", hide);
        element.addEventListener("focus", function () {
            var box = element.getBoundingClientRect();
            show(element, box.left + box.width / 2, box.top + box.height / 2);
        });
        element.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            hide();
        }
    });
})();
