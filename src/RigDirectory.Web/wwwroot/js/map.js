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

    // The regions are one stop in the tab order; arrow keys move to the nearest region that way, Home and End to
    // the first and last. Without script every region is its own stop, which still works.
    var directions = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

    function centre(link) {
        var box = link.getBBox();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }

    function nearest(links, current, direction) {
        var from = centre(current);
        var best = null;
        var bestScore = Infinity;
        links.forEach(function (link) {
            if (link === current) {
                return;
            }
            var to = centre(link);
            var dx = to.x - from.x;
            var dy = to.y - from.y;
            var along = dx * direction[0] + dy * direction[1];
            var across = Math.abs(dx * direction[1] - dy * direction[0]);
            var score = along + 2 * across;
            if (along > 0 && score < bestScore) {
                best = link;
                bestScore = score;
            }
        });
        return best;
    }

    document.querySelectorAll(".rd-map-regions").forEach(function (group) {
        var links = Array.prototype.slice.call(group.querySelectorAll("a.rd-region"));
        if (links.length < 2) {
            return;
        }
        var first = group.querySelector("a.rd-region:not(.dimmed)") || links[0];
        links.forEach(function (link) {
            link.setAttribute("tabindex", link === first ? "0" : "-1");
        });
        group.addEventListener("keydown", function (event) {
            var current = event.target.closest("a.rd-region");
            if (!current) {
                return;
            }
            var next = event.key === "Home" ? links[0]
                : event.key === "End" ? links[links.length - 1]
                : directions[event.key] ? nearest(links, current, directions[event.key]) : undefined;
            if (next === undefined) {
                return;
            }
            event.preventDefault();
            if (next) {
                current.setAttribute("tabindex", "-1");
                next.setAttribute("tabindex", "0");
                next.focus();
            }
        });
    });
})();
