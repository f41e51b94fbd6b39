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
    function describe(marker) {
        var state = marker.getAttribute("data-state") || marker.parentNode.getAttribute("class");
        return marker.getAttribute("data-n") + ": " +
            (state === "has-rig" ? "has a RIG" : state === "pending" ? "a RIG is being registered" : "no RIG yet");
    }

    // Markers people can hit (WCAG 2.2 target size): each school takes a 24 x 24 px target around its dot, and
    // schools closer than that on screen are drawn as one cluster with their count; clicking a cluster zooms in on
    // it (the cluster splits) and lists its schools under the map as links. Laid out again when the map is resized.
    var HIT = 12;
    var SVGNS = "http://www.w3.org/2000/svg";

    function element(name, attributes) {
        var created = document.createElementNS(SVGNS, name);
        Object.keys(attributes).forEach(function (key) {
            created.setAttribute(key, attributes[key]);
        });
        return created;
    }

    function layout(svg) {
        var schools = svg.querySelector(".rd-map-schools");
        var width = svg.getBoundingClientRect().width;
        if (!schools || !width) {
            return;
        }
        var view = svg.viewBox.baseVal;
        var unit = view.width / width;
        var r = HIT * unit;
        schools.querySelectorAll(".rd-map-hits, .rd-map-clusters").forEach(function (old) {
            old.remove();
        });
        var hits = element("g", { "class": "rd-map-hits" });
        var clusters = element("g", { "class": "rd-map-clusters" });
        var groups = [];
        schools.querySelectorAll("use[data-s]").forEach(function (marker) {
            var x = +marker.getAttribute("x");
            var y = +marker.getAttribute("y");
            var near = null;
            for (var i = 0; i < groups.length && !near; i++) {
                var dx = groups[i].x - x;
                var dy = groups[i].y - y;
                if (dx * dx + dy * dy < 4 * r * r) {
                    near = groups[i];
                }
            }
            if (near) {
                near.members.push(marker);
            } else {
                groups.push({ x: x, y: y, members: [marker] });
            }
        });
        groups.forEach(function (group) {
            if (group.members.length === 1) {
                var marker = group.members[0];
                marker.style.display = "";
                hits.appendChild(element("circle", {
                    "class": "rd-hit", cx: group.x, cy: group.y, r: r,
                    "data-s": marker.getAttribute("data-s"), "data-n": marker.getAttribute("data-n"),
                    "data-state": marker.parentNode.getAttribute("class")
                }));
                return;
            }
            var box = [Infinity, Infinity, -Infinity, -Infinity];
            var withRig = false;
            group.members.forEach(function (marker) {
                var x = +marker.getAttribute("x");
                var y = +marker.getAttribute("y");
                box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
                withRig = withRig || marker.parentNode.classList.contains("has-rig");
                marker.style.display = "none";
            });
            var cx = (box[0] + box[2]) / 2;
            var cy = (box[1] + box[3]) / 2;
            var cluster = element("g", {
                "class": "rd-cluster" + (withRig ? " has-rig" : ""),
                "data-box": box.join(" "),
                "data-count": group.members.length,
                "data-members": group.members.map(function (marker) { return marker.getAttribute("data-s"); }).join(" ")
            });
            cluster.appendChild(element("circle", { cx: cx, cy: cy, r: r }));
            var count = element("text", { x: cx, y: cy, "font-size": 11 * unit, "text-anchor": "middle", "dominant-baseline": "central" });
            count.textContent = group.members.length;
            cluster.appendChild(count);
            clusters.appendChild(cluster);
        });
        schools.insertBefore(hits, schools.firstChild);
        schools.appendChild(clusters);
    }

    function picked(svg) {
        var list = svg.parentNode.querySelector(".rd-map-picked");
        if (!list) {
            list = document.createElement("div");
            list.className = "rd-map-picked small mt-2";
            list.setAttribute("role", "status");
            svg.parentNode.insertBefore(list, svg.nextSibling);
            var reset = document.createElement("button");
            reset.type = "button";
            reset.className = "btn btn-sm btn-outline-secondary ms-2";
            reset.textContent = "Show the whole map";
            reset.addEventListener("click", function () {
                svg.setAttribute("viewBox", svg.getAttribute("data-full-view"));
                list.hidden = true;
                layout(svg);
            });
            list.resetButton = reset;
        }
        return list;
    }

    function zoomTo(svg, cluster) {
        var box = cluster.getAttribute("data-box").split(" ").map(Number);
        var view = svg.viewBox.baseVal;
        if (!svg.hasAttribute("data-full-view")) {
            svg.setAttribute("data-full-view", svg.getAttribute("viewBox"));
        }
        var full = svg.getAttribute("data-full-view").split(" ").map(Number);
        var aspect = view.height / view.width;
        var width = svg.getBoundingClientRect().width;
        var slugs = cluster.getAttribute("data-members").split(" ");
        var members = [];
        svg.querySelectorAll(".rd-map-schools use[data-s]").forEach(function (marker) {
            if (slugs.indexOf(marker.getAttribute("data-s")) >= 0) {
                members.push({ x: +marker.getAttribute("x"), y: +marker.getAttribute("y"), marker: marker });
            }
        });
        // Close enough in that the nearest two schools are a target apart, yet the whole cluster stays in view.
        var nearest = Infinity;
        members.forEach(function (a, i) {
            members.slice(i + 1).forEach(function (b) {
                nearest = Math.min(nearest, Math.hypot(a.x - b.x, a.y - b.y));
            });
        });
        var inView = Math.max((box[2] - box[0]) * 1.6, (box[3] - box[1]) * 1.6 / aspect);
        var newWidth = Math.max(inView, Math.min(nearest * width / (2.2 * HIT), view.width / 2), full[2] / 64);
        var cx = (box[0] + box[2]) / 2;
        var cy = (box[1] + box[3]) / 2;
        svg.setAttribute("viewBox", [cx - newWidth / 2, cy - newWidth * aspect / 2, newWidth, newWidth * aspect].join(" "));
        layout(svg);

        var list = picked(svg);
        list.textContent = members.length + " schools here: ";
        members.forEach(function (member, i) {
            var link = document.createElement("a");
            link.href = "/schools/" + encodeURIComponent(member.marker.getAttribute("data-s"));
            link.textContent = member.marker.getAttribute("data-n");
            list.appendChild(link);
            list.appendChild(document.createTextNode(i < members.length - 1 ? "; " : ""));
        });
        list.appendChild(list.resetButton);
        list.hidden = false;
    }

    document.querySelectorAll(".rd-map-svg").forEach(function (svg) {
        layout(svg);
        var pending = false;
        window.addEventListener("resize", function () {
            if (!pending) {
                pending = true;
                window.requestAnimationFrame(function () {
                    pending = false;
                    layout(svg);
                });
            }
        });
    });

    document.querySelectorAll(".rd-map-schools").forEach(function (markers) {
        markers.addEventListener("mousemove", function (event) {
            var cluster = event.target.closest(".rd-cluster");
            var marker = event.target.closest("[data-s]");
            if (!marker && !cluster) {
                return;
            }
            tip.textContent = cluster ? cluster.getAttribute("data-count") + " schools close together: click to zoom in" : describe(marker);
            tip.hidden = false;
            tip.style.left = (event.clientX + window.scrollX + 12) + "px";
            tip.style.top = (event.clientY + window.scrollY + 12) + "px";
        });
        markers.addEventListener("mouseleave", hide);
        markers.addEventListener("click", function (event) {
            var cluster = event.target.closest(".rd-cluster");
            var marker = event.target.closest("[data-s]");
            if (cluster) {
                hide();
                zoomTo(markers.closest("svg"), cluster);
            } else if (marker) {
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
