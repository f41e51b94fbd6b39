using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Directory.Interest;

/// <summary>
/// "I'm interested": a signed-in student tells a RIG's leaders, sharing a name, school, graduation year and an email
/// of their choice, and may withdraw; the leaders see the list and export it. The count is never public.
/// </summary>
public sealed class InterestController(AppDbContext db, RigInterests interests, LedRigs led, TimeProvider clock) : Controller
{
    public const int PageSize = 50;

    /// <summary>The form on its own page: where sign-in returns to, and where a refused form comes back.</summary>
    [HttpGet("/rigs/{slug}/interest")]
    public async Task<IActionResult> Form(string slug, CancellationToken cancellationToken)
    {
        var userId = this.Actor().UserId!;
        var ownSchool = RigInterests.OwnSchool(db, userId);
        var form = await db.Rigs.AsNoTracking().Where(RigVisibility.IsPublic).Where(r => r.Slug == slug)
            .Select(r => new
            {
                r.Name,
                School = ownSchool.FirstOrDefault(),
                Mine = r.Interests.Where(i => i.UserId == userId).Select(i => new { i.School, i.GraduationYear, i.SharedEmail }).FirstOrDefault(),
                Email = db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        var input = form.Mine is { } mine
            ? new InterestInput { School = mine.School, GraduationYear = mine.GraduationYear, Email = mine.SharedEmail }
            : new InterestInput { School = form.School ?? "", Email = form.Email ?? "" };
        return View(new InterestFormViewModel(slug, form.Name, input, form.Mine is not null));
    }

    [HttpPost("/rigs/{slug}/interest")]
    public async Task<IActionResult> Show(string slug, [Bind(Prefix = RigInterests.Prefix)] InterestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = ModelState.IsValid ? await interests.ShowAsync(slug, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        if (result.Outcome is Outcome.Ok or Outcome.Refused)
        {
            TempData.SetStatus(result.Message);
            return ToProfile(slug);
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        var name = await db.Rigs.Where(r => r.Slug == slug).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);
        return name is null ? NotFound() : View(nameof(Form), new InterestFormViewModel(slug, name, input, Existing: false));
    }

    [HttpPost("/rigs/{slug}/interest/withdraw")]
    public async Task<IActionResult> Withdraw(string slug, CancellationToken cancellationToken) =>
        this.Done(await interests.WithdrawAsync(slug, this.Actor(), cancellationToken), ToProfile(slug));

    /// <summary>The RIG's interested students, newest first, for its leaders (and ACR staff).</summary>
    [HttpGet("/my/rigs/{id:int}/interested")]
    public async Task<IActionResult> List(int id, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var (rig, refusal) = await led.LoadAsync(id, this.Actor(), cancellationToken);
        if (refusal is not null)
        {
            return this.Failure(refusal) ?? this.ToMyRigs();
        }

        var all = Students(id);
        var total = await all.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var students = await all.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return View(new InterestedStudentsViewModel(id, rig!.Slug, rig.Name, students, total, page, pages));
    }

    [HttpGet("/my/rigs/{id:int}/interested.csv")]
    public async Task<IActionResult> Csv(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadAsync(id, this.Actor(), cancellationToken);
        if (refusal is not null)
        {
            return this.Failure(refusal) ?? this.ToMyRigs();
        }

        var rows = await Students(id).ToListAsync(cancellationToken);
        var file = await CsvExport.WriteAsync(
            rows.Select(s => new InterestedStudentRow(s.Name, s.School, s.GraduationYear, s.Email, DateOnly.FromDateTime(s.Since))),
            cancellationToken);
        var stamp = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(file, "text/csv; charset=utf-8", $"{rig!.Slug}-interested-{stamp}.csv");
    }

    private IQueryable<InterestedStudent> Students(int rigId) =>
        db.RigInterests.AsNoTracking().Where(i => i.RigId == rigId)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new InterestedStudent(i.User!.DisplayName, i.School, i.GraduationYear, i.SharedEmail, i.CreatedAt));

    private RedirectResult ToProfile(string slug) => Redirect($"{Url.Action("Show", "Rigs", new { slug })}#interest");
}

public sealed record InterestFormViewModel(string Slug, string RigName, InterestInput Interest, bool Existing);

public sealed record InterestedStudent(string Name, string School, int GraduationYear, string Email, DateTime Since);

/// <summary>A row of the leaders' CSV export.</summary>
public sealed record InterestedStudentRow(string Name, string School, int GraduationYear, string Email, DateOnly Since);

public sealed record InterestedStudentsViewModel(int Id, string Slug, string Name, IReadOnlyList<InterestedStudent> Students, int Total, int Page, int Pages);
