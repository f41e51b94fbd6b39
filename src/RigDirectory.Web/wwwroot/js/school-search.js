// Type-ahead school pickers (the wizard's school step, the edit page's school): as the leader types, the matching
// schools appear as radios. Without JavaScript the search form's "Find" button does the same search on the server.
//   data-school-search  the JSON search address
//   data-results        the id of the element the radios go in
//   data-field          the radios' name
//   data-exclude        slugs already offered elsewhere on the page (space-separated)
//   data-start-form     (wizard) the id of the form shown only when there are results, its submit only when one is free
//   aria-describedby    the id of the live "N schools match" line
(function () {
    "use strict";

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

    function setUp(input) {
        var results = document.getElementById(input.getAttribute("data-results"));
        var count = document.getElementById(input.getAttribute("aria-describedby"));
        var field = input.getAttribute("data-field") || "school";
        var exclude = (input.getAttribute("data-exclude") || "").split(" ");
        var startForm = document.getElementById(input.getAttribute("data-start-form") || "");
        if (!results || !count) {
            return;
        }

        var timer = null;
        var latest = 0;

        function render(schools) {
            schools = schools.filter(function (school) { return exclude.indexOf(school.slug) < 0; });
            // A school already chosen stays chosen when a later keystroke's results arrive and still list it.
            var checked = results.querySelector("input[type=radio]:checked");
            var chosen = checked ? checked.value : null;
            results.replaceChildren();
            schools.forEach(function (school) {
                var id = field.replace(/\./g, "-") + "-" + school.slug;
                var wrapper = document.createElement("div");
                wrapper.className = "form-check mb-2";
                var radio = document.createElement("input");
                radio.className = "form-check-input";
                radio.type = "radio";
                radio.name = field;
                radio.value = school.slug;
                radio.id = id;
                radio.disabled = !school.available;
                radio.checked = school.available && school.slug === chosen;
                var label = document.createElement("label");
                label.className = "form-check-label";
                label.htmlFor = id;
                label.textContent = school.label;
                wrapper.append(radio, label);
                if (school.approvedRigSlug) {
                    wrapper.append(note("This school already has a RIG: ", "/rigs/" + school.approvedRigSlug, "see it and contact its leaders"));
                } else if (!school.available) {
                    wrapper.append(note("A RIG here is being registered. ", "/schools/" + school.slug + "#starters", "Send its starters a message to join them"));
                }
                results.append(wrapper);
            });
            if (startForm) {
                startForm.hidden = schools.length === 0;
                // Nothing to start when every school listed already has a RIG or one being registered.
                startForm.querySelector("button[type=submit]").disabled = !schools.some(function (school) { return school.available; });
            }
            count.textContent = schools.length === 0
                ? "No school matches. Try a shorter name, an abbreviation or the city."
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
    }

    document.querySelectorAll("[data-school-search]").forEach(setUp);
})();
