// Asks before a form does something that cannot be undone (cancel a request, end a mentorship, withdraw):
// a form with data-confirm="question" submits only when the user says yes. An empty question asks nothing.
(function () {
    "use strict";
    document.querySelectorAll("form[data-confirm]:not([data-confirm=''])").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (!window.confirm(form.getAttribute("data-confirm"))) {
                event.preventDefault();
            }
        });
    });
})();
