using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Features.Registration.Start;

/// <summary>How to start a RIG, following ACR's four steps, for a school with no RIG (or any school).</summary>
[AllowAnonymous]
public sealed class StartController(AppDbContext db) : Controller
{
    [HttpGet("/start")]
    public async Task<IActionResult> Index([FromQuery(Name = "school")] string? schoolSlug, CancellationToken cancellationToken)
    {
        StartSchoolViewModel? school = null;
        if (!string.IsNullOrEmpty(schoolSlug) && schoolSlug.Length <= Limits.Slug)
        {
            school = await db.Schools.AsNoTracking().Listed()
                .Where(s => s.Slug == schoolSlug)
                .Select(s => new StartSchoolViewModel(
                    s.Slug,
                    s.Name,
                    s.Campus,
                    s.Jurisdiction!.Region!.Slug,
                    s.Jurisdiction.Region.Name,
                    s.Jurisdiction.Region.Contacts.OrderBy(c => c.SortOrder).Select(c => new RegionalContactViewModel(c.Name, c.Role, c.Email)).ToList(),
                    s.Rigs.AsQueryable().Where(RigVisibility.IsPublic).Select(r => new RigLinkViewModel(r.Slug, r.Name)).ToList(),
                    s.Rigs.AsQueryable().Any(RegistrationWorkflow.IsBeingRegistered)))
                .SingleOrDefaultAsync(cancellationToken);
        }

        return View(school);
    }
}

public sealed record StartSchoolViewModel(
    string Slug,
    string Name,
    string? Campus,
    string RegionSlug,
    string RegionName,
    IReadOnlyList<RegionalContactViewModel> Contacts,
    IReadOnlyList<RigLinkViewModel> ExistingRigs,
    bool BeingRegistered);
