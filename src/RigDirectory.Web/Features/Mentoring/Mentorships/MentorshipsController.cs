using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Mentoring.Mentorships;

/// <summary>
/// What either side does to a request or mentorship. Each answer goes back to the page it came from: the mentor's
/// "My mentoring" or the student's "My mentors". A request the user is not part of is not found.
/// </summary>
[Route("mentorships/{id:int}")]
public sealed class MentorshipsController(MentorshipLifecycle mentorships) : Controller
{
    [HttpPost("accept")]
    public async Task<IActionResult> Accept(int id, CancellationToken cancellationToken) => Translate(await mentorships.AcceptAsync(id, this.Actor(), cancellationToken), mentorSide: true);

    [HttpPost("decline")]
    public async Task<IActionResult> Decline(int id, [Bind(Prefix = "Decline")] MentoringNoteInput input, CancellationToken cancellationToken) =>
        Translate(ModelState.IsValid ? await mentorships.DeclineAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Refused("Keep the note under 1,000 characters."), mentorSide: true);

    [HttpPost("cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken cancellationToken) => Translate(await mentorships.CancelAsync(id, this.Actor(), cancellationToken), mentorSide: false);

    [HttpPost("end")]
    public async Task<IActionResult> End(int id, [Bind(Prefix = "End")] MentoringNoteInput input, [FromForm] bool mentorSide, CancellationToken cancellationToken) =>
        Translate(ModelState.IsValid ? await mentorships.EndAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Refused("Keep the note under 1,000 characters."), mentorSide);

    [HttpPost("report")]
    public async Task<IActionResult> Report(int id, [Bind(Prefix = "Report")] MentoringNoteInput input, [FromForm] bool mentorSide, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await mentorships.ReportAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid("Report.Note", "Keep the report under 1,000 characters.");
        return Translate(result.Outcome == Outcome.Invalid ? LifecycleResult.Refused(result.Errors[0].Value) : result, mentorSide);
    }

    /// <summary>Success and refusals both go back with a message; a failed form's only field is a short note, so its error is the message.</summary>
    private IActionResult Translate(LifecycleResult result, bool mentorSide) =>
        this.Back(result, mentorSide ? RedirectToAction("Index", "Mentoring") : RedirectToAction("Index", "MyMentors"));
}
