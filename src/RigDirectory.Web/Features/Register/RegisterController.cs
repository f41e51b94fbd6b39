using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Register;

/// <summary>
/// The four-step registration of a RIG (school, sponsors, officers, the RIG and its first event), then a
/// review and submission. Every step saves, so a draft resumes wherever and whenever its leader returns.
/// </summary>
[Route("register")]
public sealed class RegisterController(
    AppDbContext db,
    IAuthorizationService authorization,
    RigMailer mailer,
    DirectoryCache directoryCache,
    PublicUrls urls,
    OutgoingEmailCaps emailCaps,
    TimeProvider clock) : Controller
{
    private const int SchoolResults = 20;
    private const int InvitationDays = 14;
    private const int SponsorConfirmationDays = 30;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? query, [FromQuery(Name = "school")] string? schoolSlug, CancellationToken cancellationToken)
    {
        query = query?.Trim();
        if (query?.Length > 200)
        {
            query = query[..200];
        }

        var drafts = await db.Rigs.AsNoTracking()
            .LedBy(UserId)
            .Where(r => r.Status == RigStatus.Draft || r.Status == RigStatus.ChangesRequested)
            .OrderByDescending(r => r.UpdatedAt)
            .Select(r => new DraftRow(r.Id, r.Name, r.School!.Name, r.Status, r.RegistrationStep))
            .ToListAsync(cancellationToken);

        var schools = await FindSchoolsAsync(query, schoolSlug, cancellationToken);
        var states = await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Country).ThenBy(j => j.Name)
            .Select(j => new StateChoice(j.Code, j.Name)).ToListAsync(cancellationToken);
        return View(new StartViewModel(drafts, query ?? "", schools, states, new MissingSchoolInput()));
    }

    /// <summary>The school search as JSON, for the type-ahead on the start page.</summary>
    [HttpGet("schools")]
    [EnableRateLimiting(RateLimits.TypeAhead)]
    public async Task<IActionResult> Schools([FromQuery(Name = "q")] string? query, CancellationToken cancellationToken)
    {
        query = query?.Trim();
        if (string.IsNullOrEmpty(query) || query.Length < 2)
        {
            return Json(Array.Empty<SchoolChoice>());
        }

        return Json(await FindSchoolsAsync(query.Length > 200 ? query[..200] : query, null, cancellationToken));
    }

    private async Task<List<SchoolChoice>> FindSchoolsAsync(string? query, string? schoolSlug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query) && string.IsNullOrEmpty(schoolSlug))
        {
            return [];
        }

        var candidates = db.Schools.AsNoTracking().Listed();
        candidates = !string.IsNullOrEmpty(schoolSlug)
            ? candidates.Where(s => s.Slug == schoolSlug)
            : candidates.Where(s => EF.Functions.Like(s.Name, $"%{EscapeLike(query!)}%", "\\") || EF.Functions.Like(s.City, $"%{EscapeLike(query!)}%", "\\") || EF.Functions.Like(s.Campus!, $"%{EscapeLike(query!)}%", "\\"));
        return await candidates
            .OrderBy(s => s.Name).ThenBy(s => s.Campus)
            .Take(SchoolResults)
            .Select(s => new SchoolChoice(
                s.Slug, s.Name, s.Campus, s.City, s.Jurisdiction!.PostalCode,
                s.Rigs.Where(r => r.Status == RigStatus.Approved).Select(r => r.Slug).FirstOrDefault(),
                !s.Rigs.Any(r => r.Status == RigStatus.Approved || r.Status == RigStatus.Submitted || r.Status == RigStatus.ChangesRequested)))
            .ToListAsync(cancellationToken);
    }

    [HttpPost("")]
    public async Task<IActionResult> Start([FromForm(Name = "school")] string? schoolSlug, CancellationToken cancellationToken)
    {
        var school = string.IsNullOrEmpty(schoolSlug) ? null : await db.Schools.Listed().SingleOrDefaultAsync(s => s.Slug == schoolSlug, cancellationToken);
        if (school is null)
        {
            TempData["StatusMessage"] = "Choose your school from the list, or tell us about a school that is missing.";
            return RedirectToAction(nameof(Index));
        }

        if (await db.Rigs.AnyAsync(r => r.SchoolId == school.Id && (r.Status == RigStatus.Approved || r.Status == RigStatus.Submitted || r.Status == RigStatus.ChangesRequested), cancellationToken))
        {
            TempData["StatusMessage"] = $"{school.DisplayName} already has a RIG, or one waiting for review. Contact its leaders rather than registering a second one.";
            return RedirectToAction(nameof(Index), new { school = school.Slug });
        }

        var rig = await CreateDraftAsync(school, cancellationToken);
        return RedirectToAction(nameof(Sponsors), new { id = rig.Id });
    }

    [HttpPost("missing-school")]
    public async Task<IActionResult> MissingSchool([Bind(Prefix = "MissingSchool")] MissingSchoolInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var jurisdiction = ModelState.IsValid ? await db.Jurisdictions.SingleOrDefaultAsync(j => j.Code == input.State, cancellationToken) : null;
        if (jurisdiction is null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("MissingSchool.State", "Choose the state or province.");
            }

            var states = await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Country).ThenBy(j => j.Name).Select(j => new StateChoice(j.Code, j.Name)).ToListAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new StartViewModel([], "", [], states, input));
        }

        var school = new School
        {
            Slug = await UniqueSchoolSlugAsync(SlugRules.From($"{input.Name} {input.Campus} {input.City}"), cancellationToken),
            Name = input.Name.Trim(),
            Campus = string.IsNullOrWhiteSpace(input.Campus) ? null : input.Campus.Trim(),
            City = input.City.Trim(),
            JurisdictionCode = jurisdiction.Code,
            Country = jurisdiction.Country,
            Degree = input.Degree,
            Status = SchoolStatus.Requested,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        db.Schools.Add(school);
        var rig = await CreateDraftAsync(school, cancellationToken);
        return RedirectToAction(nameof(Sponsors), new { id = rig.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Resume(int id, CancellationToken cancellationToken)
    {
        var rig = await LoadAsync(id, cancellationToken);
        if (rig is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(rig))
        {
            return Forbid();
        }

        return rig.RegistrationStep switch
        {
            RegistrationStep.Officers => RedirectToAction(nameof(Officers), new { id }),
            RegistrationStep.Details => RedirectToAction(nameof(Details), new { id }),
            RegistrationStep.Review => RedirectToAction(nameof(Review), new { id }),
            _ => RedirectToAction(nameof(Sponsors), new { id }),
        };
    }

    [HttpGet("{id:int}/sponsors")]
    public Task<IActionResult> Sponsors(int id, CancellationToken cancellationToken) =>
        StepAsync(id, RegistrationStep.Sponsors, _ => new SponsorInput(), cancellationToken);

    [HttpPost("{id:int}/sponsors")]
    [EnableRateLimiting(RateLimits.OutgoingEmail)]
    public async Task<IActionResult> AddSponsor(int id, [Bind(Prefix = "Input")] SponsorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (rig!.Sponsors.Any(s => s.Email.Equals(input.Email.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Email", "This sponsor is already listed.");
        }

        if (ModelState.IsValid && await emailCaps.ReserveAsync(rig.Id, input.Email, "SponsorConfirmation", cancellationToken) is { } capped)
        {
            ModelState.AddModelError("Input.Email", capped);
        }

        if (!ModelState.IsValid)
        {
            return await StepViewAsync(rig, RegistrationStep.Sponsors, input, cancellationToken);
        }

        var token = Tokens.New();
        var sponsor = new FacultySponsor
        {
            Name = input.Name.Trim(),
            Title = input.Title?.Trim(),
            Department = input.Department?.Trim(),
            Email = input.Email.Trim(),
            ConfirmationTokenHash = Tokens.Hash(token),
            ConfirmationRequestedAt = Now,
            ConfirmationExpiresAt = Now.AddDays(SponsorConfirmationDays),
            SortOrder = rig.Sponsors.Count,
        };
        rig.Sponsors.Add(sponsor);
        Touch(rig, RegistrationStep.Sponsors);
        Audit(rig, "SponsorAdded", $"{sponsor.Name} <{sponsor.Email}>");
        await db.SaveChangesAsync(cancellationToken);
        await EvictIfPublishedAsync(rig, cancellationToken);

        var link = urls.Action("Confirm", "Sponsor", new { token });
        var sent = await SendAsync(rig, sponsor.Email, $"Please confirm you sponsor {rig.Name}",
            $"<p>{Encode(CurrentUserName)} has named you as the faculty sponsor of <strong>{Encode(rig.Name)}</strong> at {Encode(rig.School!.DisplayName)}, a radiology interest group registering with the ACR Medical Student Section.</p>" +
            $"<p>If that is right, please confirm it within {SponsorConfirmationDays} days:</p><p><a href=\"{Encode(link)}\">Confirm I sponsor this RIG</a></p>" +
            "<p>If you did not agree to sponsor it, ignore this email.</p>", cancellationToken);

        if (sent)
        {
            TempData["StatusMessage"] = $"{sponsor.Name} was added and asked by email to confirm.";
        }

        return RedirectToAction(nameof(Sponsors), new { id });
    }

    [HttpPost("{id:int}/sponsors/{sponsorId:int}/remove")]
    public async Task<IActionResult> RemoveSponsor(int id, int sponsorId, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var sponsor = rig!.Sponsors.SingleOrDefault(s => s.Id == sponsorId);
        if (sponsor is null)
        {
            return NotFound();
        }

        if (rig.Status == RigStatus.Approved && rig.Sponsors.Count == 1)
        {
            ModelState.AddModelError(string.Empty, "A RIG needs at least one faculty sponsor: add the new sponsor before removing this one.");
            return await StepViewAsync(rig, RegistrationStep.Sponsors, new SponsorInput(), cancellationToken);
        }

        db.FacultySponsors.Remove(sponsor);
        Audit(rig, "SponsorRemoved", $"{sponsor.Name} <{sponsor.Email}>");
        await db.SaveChangesAsync(cancellationToken);
        await EvictIfPublishedAsync(rig, cancellationToken);
        TempData["StatusMessage"] = $"{sponsor.Name} was removed.";
        return RedirectToAction(nameof(Sponsors), new { id });
    }

    [HttpPost("{id:int}/sponsors/next")]
    public async Task<IActionResult> SponsorsNext(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (rig!.Sponsors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Add at least one faculty sponsor before going on.");
            return await StepViewAsync(rig, RegistrationStep.Sponsors, new SponsorInput(), cancellationToken);
        }

        if (rig.Status == RigStatus.Approved)
        {
            return Redirect("/my/rigs");
        }

        Touch(rig, RegistrationStep.Officers);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Officers), new { id });
    }

    [HttpGet("{id:int}/officers")]
    public Task<IActionResult> Officers(int id, CancellationToken cancellationToken) =>
        StepAsync(id, RegistrationStep.Officers, rig =>
        {
            var mine = rig.Officers.FirstOrDefault(o => o.UserId == UserId && o.EndedAt == null);
            return new OfficerInput { Position = mine?.Position ?? "President", GraduationYear = mine?.GraduationYear ?? Now.Year + 2 };
        }, cancellationToken);

    [HttpPost("{id:int}/officers")]
    public async Task<IActionResult> SaveOfficer(int id, [Bind(Prefix = "Input")] OfficerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (input.GraduationYear < Now.Year || input.GraduationYear > Now.Year + 8)
        {
            ModelState.AddModelError("Input.GraduationYear", $"Enter a year from {Now.Year} to {Now.Year + 8}.");
        }

        if (!ModelState.IsValid)
        {
            return await StepViewAsync(rig!, RegistrationStep.Officers, input, cancellationToken);
        }

        var mine = rig!.Officers.FirstOrDefault(o => o.UserId == UserId && o.EndedAt == null);
        if (mine is null)
        {
            rig.Officers.Add(new RigOfficer { UserId = UserId, Position = input.Position.Trim(), GraduationYear = input.GraduationYear, StartedAt = Now });
        }
        else
        {
            mine.Position = input.Position.Trim();
            mine.GraduationYear = input.GraduationYear;
        }

        if (rig.Status == RigStatus.Approved)
        {
            await db.SaveChangesAsync(cancellationToken);
            await EvictIfPublishedAsync(rig, cancellationToken);
            TempData["StatusMessage"] = "Your position is saved.";
            return Redirect("/my/rigs");
        }

        Touch(rig, RegistrationStep.Details);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/invitations")]
    [EnableRateLimiting(RateLimits.OutgoingEmail)]
    public async Task<IActionResult> Invite(int id, [Bind(Prefix = "Invite")] InvitationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            TempData["StatusMessage"] = "Enter the co-leader's email address and position to invite them.";
            return RedirectToAction(nameof(Officers), new { id });
        }

        if (await emailCaps.ReserveAsync(rig!.Id, input.Email, "OfficerInvitation", cancellationToken) is { } capped)
        {
            TempData["StatusMessage"] = capped;
            return RedirectToAction(nameof(Officers), new { id });
        }

        var token = Tokens.New();
        rig!.Invitations.Add(new OfficerInvitation
        {
            Email = input.Email.Trim(),
            Position = input.Position.Trim(),
            TokenHash = Tokens.Hash(token),
            InvitedByUserId = UserId,
            CreatedAt = Now,
            ExpiresAt = Now.AddDays(InvitationDays),
        });
        Audit(rig, "OfficerInvited", $"{input.Email.Trim()} as {input.Position.Trim()}");
        await db.SaveChangesAsync(cancellationToken);

        var link = urls.Action("Accept", "Invitation", new { token });
        var sent = await SendAsync(rig, input.Email.Trim(), $"Join {rig.Name} as {input.Position.Trim()}",
            $"<p>{Encode(CurrentUserName)} invites you to lead <strong>{Encode(rig.Name)}</strong> at {Encode(rig.School!.DisplayName)} as {Encode(input.Position.Trim())}.</p>" +
            $"<p>Accept within {InvitationDays} days (you will be asked to sign in or create an account):</p><p><a href=\"{Encode(link)}\">Accept the invitation</a></p>", cancellationToken);

        if (sent)
        {
            TempData["StatusMessage"] = $"An invitation was emailed to {input.Email.Trim()}.";
        }

        return RedirectToAction(nameof(Officers), new { id });
    }

    [HttpGet("{id:int}/details")]
    public Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        StepAsync(id, RegistrationStep.Details, DetailsInput.From, cancellationToken);

    [HttpPost("{id:int}/details")]
    public async Task<IActionResult> SaveDetails(int id, [Bind(Prefix = "Input")] DetailsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (input.FoundedYear > Now.Year)
        {
            ModelState.AddModelError("Input.FoundedYear", "The founding year cannot be in the future.");
        }

        if (!ModelState.IsValid)
        {
            return await StepViewAsync(rig!, RegistrationStep.Details, input, cancellationToken);
        }

        rig!.Name = input.Name.Trim();
        input.ApplyTo(rig);
        var firstEvent = rig.Events.OrderBy(e => e.StartsAt).FirstOrDefault();
        if (firstEvent is null)
        {
            firstEvent = new RigEvent { Title = "" };
            rig.Events.Add(firstEvent);
        }

        firstEvent.Title = input.EventTitle.Trim();
        firstEvent.StartsAt = input.EventDate!.Value.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        firstEvent.Format = input.EventFormat;
        Touch(rig, RegistrationStep.Review);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Review), new { id });
    }

    [HttpGet("{id:int}/review")]
    public async Task<IActionResult> Review(int id, CancellationToken cancellationToken)
    {
        var rig = await LoadAsync(id, cancellationToken);
        if (rig is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(rig))
        {
            return Forbid();
        }

        return View(await PageAsync(rig, RigSummary.From(rig), cancellationToken));
    }

    [HttpPost("{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, CancellationToken cancellationToken)
    {
        var rig = await LoadAsync(id, cancellationToken);
        if (rig is null)
        {
            return NotFound();
        }

        if (!await CanEditAsync(rig))
        {
            return Forbid();
        }

        var refusal = RegistrationWorkflow.Refusal(rig.Status, RigStatus.Submitted, RegistrationActor.Leader);
        var missing = RegistrationRules.MissingForSubmission(rig);
        if (refusal is not null || missing.Count > 0)
        {
            ModelState.AddModelError(string.Empty, refusal ?? "The registration is not complete yet.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Review), await PageAsync(rig, RigSummary.From(rig), cancellationToken));
        }

        var from = rig.Status;
        rig.Status = RigStatus.Submitted;
        rig.SubmittedAt = Now;
        Touch(rig, RegistrationStep.Review);
        Audit(rig, "Submitted", null, from, RigStatus.Submitted);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"{rig.Name} was submitted for review. We will email you when ACR has looked at it.";
        return Redirect("/my/rigs");
    }

    private async Task<Rig> CreateDraftAsync(School school, CancellationToken cancellationToken)
    {
        var name = $"Radiology Interest Group at {school.DisplayName}";
        var rig = new Rig
        {
            Slug = await UniqueRigSlugAsync(SlugRules.From($"{school.Slug} rig"), cancellationToken),
            Name = name.Length > Limits.Name ? name[..Limits.Name] : name,
            School = school,
            Status = RigStatus.Draft,
            RegistrationStep = RegistrationStep.Sponsors,
            CreatedByUserId = UserId,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        db.Rigs.Add(rig);
        await db.SaveChangesAsync(cancellationToken);
        Audit(rig, "Started", school.Status == SchoolStatus.Requested ? $"Requested a new school: {school.DisplayName}, {school.City}" : null);
        await db.SaveChangesAsync(cancellationToken);
        return rig;
    }

    private async Task<string> UniqueRigSlugAsync(string stem, CancellationToken cancellationToken)
    {
        var taken = await db.Rigs.Where(r => r.Slug == stem || r.Slug.StartsWith(stem + "-")).Select(r => r.Slug).ToListAsync(cancellationToken);
        return NextFree(stem, taken);
    }

    private async Task<string> UniqueSchoolSlugAsync(string stem, CancellationToken cancellationToken)
    {
        var taken = await db.Schools.Where(s => s.Slug == stem || s.Slug.StartsWith(stem + "-")).Select(s => s.Slug).ToListAsync(cancellationToken);
        return NextFree(stem, taken);
    }

    private static string NextFree(string stem, IReadOnlyCollection<string> taken)
    {
        stem = stem.Length > SlugRules.MaxLength - 6 ? stem[..(SlugRules.MaxLength - 6)].TrimEnd('-') : stem;
        if (!taken.Contains(stem))
        {
            return stem;
        }

        for (var i = 2; ; i++)
        {
            var candidate = $"{stem}-{i.ToString(CultureInfo.InvariantCulture)}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private Task<Rig?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Rigs
            .Include(r => r.School)
            .Include(r => r.Sponsors)
            .Include(r => r.Officers).ThenInclude(o => o.User)
            .Include(r => r.Invitations)
            .Include(r => r.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private async Task<bool> CanEditAsync(Rig rig) => (await authorization.AuthorizeAsync(User, rig, Policies.EditRig)).Succeeded;

    /// <summary>Loads a registration its leaders may still change, or says why not.</summary>
    private async Task<(Rig? Rig, IActionResult? Refusal)> LoadEditableAsync(int id, CancellationToken cancellationToken, bool allowApproved = false)
    {
        var rig = await LoadAsync(id, cancellationToken);
        if (rig is null)
        {
            return (null, NotFound());
        }

        if (!await CanEditAsync(rig))
        {
            return (null, Forbid());
        }

        if (!RegistrationWorkflow.IsEditableByLeaders(rig.Status) && !(allowApproved && rig.Status == RigStatus.Approved))
        {
            TempData["StatusMessage"] = $"This registration is {rig.Status.DisplayName().ToLowerInvariant()} and can no longer be changed here.";
            return (null, RedirectToAction(nameof(Review), new { id }));
        }

        return (rig, null);
    }

    private async Task<IActionResult> StepAsync<TInput>(int id, RegistrationStep step, Func<Rig, TInput> input, CancellationToken cancellationToken)
    {
        // Sponsors and officers stay the leaders' to manage after approval; the rest of the wizard does not.
        var (rig, refusal) = await LoadEditableAsync(id, cancellationToken, allowApproved: step is RegistrationStep.Sponsors or RegistrationStep.Officers);
        return refusal ?? await StepViewAsync(rig!, step, input(rig!), cancellationToken);
    }

    private async Task<IActionResult> StepViewAsync<TInput>(Rig rig, RegistrationStep step, TInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(step.ToString(), await PageAsync(rig, input, cancellationToken));
    }

    private async Task<RegistrationPage<TInput>> PageAsync<TInput>(Rig rig, TInput input, CancellationToken cancellationToken)
    {
        var note = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RigId == rig.Id && a.ToStatus == RigStatus.ChangesRequested)
            .OrderByDescending(a => a.OccurredAt)
            .Select(a => a.Note)
            .FirstOrDefaultAsync(cancellationToken);
        return new RegistrationPage<TInput>(RegistrationViewModel.From(rig, rig.Status == RigStatus.ChangesRequested ? note : null), input);
    }

    private async Task EvictIfPublishedAsync(Rig rig, CancellationToken cancellationToken)
    {
        if (rig.Status == RigStatus.Approved)
        {
            await directoryCache.EvictAsync(cancellationToken);
        }
    }

    private void Touch(Rig rig, RegistrationStep reached)
    {
        rig.UpdatedAt = Now;
        if (reached > rig.RegistrationStep)
        {
            rig.RegistrationStep = reached;
        }
    }

    private void Audit(Rig rig, string action, string? note, RigStatus? from = null, RigStatus? to = null) =>
        db.AuditEntries.Add(AuditEntry.ForRig(rig.Id, action, Now, UserId, CurrentUserName, note, from, to));

    private async Task<bool> SendAsync(Rig rig, string to, string subject, string html, CancellationToken cancellationToken)
    {
        if (await mailer.SendAsync(rig.Id, to, subject, html, cancellationToken))
        {
            return true;
        }

        TempData["StatusMessage"] = $"The change was saved, but the email to {to} could not be sent. ACR staff can see it failed.";
        return false;
    }

    private string CurrentUserName => User.Identity?.Name ?? "A RIG leader";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
}
