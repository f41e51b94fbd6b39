// Shows the name and counts of the region or school under the pointer or keyboard focus, and opens a school's
// page when its marker is clicked. Without JavaScript the map still works: every region is a plain, labelled link
// and its page lists the region's schools.
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
    document.querySelectorAll(".rd-map-schools").forEach(function (markers) {
        markers.addEventListener("mousemove", function (event) {
            var marker = event.target.closest("use[data-s]");
            if (!marker) {
                return;
            }
            tip.textContent = marker.getAttribute("data-n") + ": " +
                (marker.parentNode.classList.contains("has-rig") ? "has a RIG"
                    : marker.parentNode.classList.contains("pending") ? "a RIG is being registered" : "no RIG yet");
            tip.hidden = false;
            tip.style.left = (event.clientX + window.scrollX + 12) + "px";
            tip.style.top = (event.clientY + window.scrollY + 12) + "px";
        });
        markers.addEventListener("mouseleave", hide);
        markers.addEventListener("click", function (event) {
            var marker = event.target.closest("use[data-s]");
            if (marker) {
                window.location.href = "/schools/" + encodeURIComponent(marker.getAttribute("data-s"));
            }
        });
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            hide();
        }
    });
})();
