using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Features.Mentoring;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Mentoring.MentoringConsole;

/// <summary>ACR's view of mentoring: supply against demand, answers and expiries, reports, a mentorship's history, and the subspecialty list.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/mentoring")]
public sealed class MentoringConsoleController(MentorAdminQueries queries, MentorshipLifecycle mentorships, MentorLifecycle mentors) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await queries.ConsoleAsync(cancellationToken));

    [HttpGet("mentorships/{id:int}")]
    public async Task<IActionResult> Mentorship(int id, CancellationToken cancellationToken) =>
        await queries.MentorshipAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("reports/{id:int}/resolve")]
    public async Task<IActionResult> Resolve(int id, CancellationToken cancellationToken)
    {
        var result = await mentorships.ResolveReportAsync(id, cancellationToken);
        return this.Failure(result) ?? this.Done(result, Redirect(Url.Action(nameof(Index)) + "#reports"));
    }

    [HttpPost("subspecialties")]
    public async Task<IActionResult> AddSubspecialty([Bind(Prefix = "Subspecialty")] SubspecialtyInput input, CancellationToken cancellationToken) =>
        Back(ModelState.IsValid ? await mentors.AddSubspecialtyAsync(input, cancellationToken) : LifecycleResult.Invalid("Subspecialty.Name", "Enter a name of 2 to 80 characters."));

    [HttpPost("subspecialties/{id:int}")]
    public async Task<IActionResult> EditSubspecialty(int id, [Bind(Prefix = "Subspecialty")] SubspecialtyInput? input, [FromForm] bool? retired, CancellationToken cancellationToken)
    {
        if (input is not null && !string.IsNullOrEmpty(input.Name) && !ModelState.IsValid)
        {
            return Back(LifecycleResult.Invalid("Subspecialty.Name", "Enter a name of 2 to 80 characters."));
        }

        return Back(await mentors.EditSubspecialtyAsync(id, string.IsNullOrWhiteSpace(input?.Name) ? null : input.Name, retired, cancellationToken));
    }

    /// <summary>The list's forms are short: a refusal comes back as the status message above the list.</summary>
    private IActionResult Back(LifecycleResult result) => this.Back(result, Redirect(Url.Action(nameof(Index)) + "#subspecialties"));
}
