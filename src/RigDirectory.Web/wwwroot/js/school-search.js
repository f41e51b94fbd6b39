// Type-ahead for the school step: as the student types, the matching schools appear as choices.
// Without JavaScript the "Find" button does the same search on the server.
(function () {
    "use strict";
    var input = document.querySelector("[data-school-search]");
    var form = document.getElementById("school-form");
    var results = document.getElementById("school-results");
    var count = document.getElementById("school-count");
    if (!input || !form || !results || !count) {
        return;
    }

    var timer = null;
    var latest = 0;

    function note(text, href, linkText) {
        var div = document.createElement("div");
        div.className = "small";
        div.append(text);
        if (href) {
            var a = document.createElement("a");
            a.href = href;
            a.textContent = linkText;
            div.append(a, " instead of registering another.");
        }
        return div;
    }

    function render(schools) {
        // A school already chosen stays chosen when a later keystroke's results arrive and still list it.
        var checked = results.querySelector("input[name=school]:checked");
        var chosen = checked ? checked.value : null;
        results.replaceChildren();
        schools.forEach(function (school) {
            var id = "school-" + school.slug;
            var wrapper = document.createElement("div");
            wrapper.className = "form-check mb-2";
            var radio = document.createElement("input");
            radio.className = "form-check-input";
            radio.type = "radio";
            radio.name = "school";
            radio.value = school.slug;
            radio.id = id;
            radio.disabled = !school.available;
            radio.checked = school.available && school.slug === chosen;
            var label = document.createElement("label");
            label.className = "form-check-label";
            label.htmlFor = id;
            label.textContent = school.name + (school.campus ? " — " + school.campus : "") + " (" + school.city + ", " + school.postalCode + ")";
            wrapper.append(radio, label);
            if (school.approvedRigSlug) {
                wrapper.append(note("This school already has a RIG: ", "/rigs/" + school.approvedRigSlug, "see it and contact its leaders"));
            } else if (!school.available) {
                wrapper.append(note("A RIG here is being registered. ", "/schools/" + school.slug + "#starters", "Send its starters a message to join them"));
            }
            results.append(wrapper);
        });
        form.hidden = schools.length === 0;
        // Nothing to start when every school listed already has a RIG or one being registered.
        form.querySelector("button[type=submit]").disabled = !schools.some(function (school) { return school.available; });
        count.textContent = schools.length === 0
            ? "No school matches. Try a shorter name or the city — or add it below."
            : schools.length === 1 ? "1 school matches." : schools.length + " schools match.";
    }

    input.addEventListener("input", function () {
        clearTimeout(timer);
        var query = input.value.trim();
        if (query.length < 2) {
            return;
        }
        timer = setTimeout(function () {
            var request = ++latest;
            fetch(input.getAttribute("data-school-search") + "?q=" + encodeURIComponent(query), { headers: { "Accept": "application/json" } })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (schools) {
                    if (request === latest) {
                        render(schools);
                    }
                })
                .catch(function () { /* the Find button still works */ });
        }, 200);
    });
})();
