// Asks the reviewer to confirm before publishing a RIG: approval emails its leaders and puts it on the map at
// once. The other decisions need a note, which is confirmation enough.
(function () {
    "use strict";
    document.querySelectorAll("form[data-confirm-approve]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            var choice = form.querySelector("input[name='Decision.Action']:checked");
            if (choice && choice.value === "Approve" && !window.confirm(form.getAttribute("data-confirm-approve"))) {
                event.preventDefault();
            }
        });
    });
})();
