using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Home;

public sealed class HomeController(AppDbContext db, IAuthorizationService authorization) : Controller
{
    [AllowAnonymous]
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking()
            .OrderBy(r => r.SortOrder)
            .Select(r => new RegionSummaryViewModel(
                r.Slug,
                r.Name,
                r.Country,
                db.Schools.Count(s => s.Status == SchoolStatus.Listed && s.Jurisdiction!.RegionId == r.Id),
                db.Schools.Count(s => s.Status == SchoolStatus.Listed && s.Jurisdiction!.RegionId == r.Id && s.Rigs.Any(g => g.Status == RigStatus.Approved)),
                db.Rigs.Count(g => g.Status == RigStatus.Approved && g.School!.Jurisdiction!.RegionId == r.Id)))
            .ToListAsync(cancellationToken);
        return View(new HomeViewModel(regions));
    }

    [AllowAnonymous]
    [HttpGet("/about")]
    public IActionResult About() => View();

    /// <summary>Where sign-in lands when no page was asked for: each role starts where its work is.</summary>
    [HttpGet("/landing")]
    public async Task<IActionResult> Landing()
    {
        if ((await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded)
        {
            return Redirect("/admin");
        }

        if ((await authorization.AuthorizeAsync(User, Policies.LeadRig)).Succeeded)
        {
            return Redirect("/my/rigs");
        }

        return Redirect("/");
    }

    /// <summary>Re-executed for failed requests of any method, so it must not demand an antiforgery token.</summary>
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [Route("/error/{statusCode:int?}")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error(int? statusCode)
    {
        var code = statusCode ?? StatusCodes.Status500InternalServerError;
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            // Visited directly rather than re-executed for a failed request.
            code = statusCode ?? StatusCodes.Status404NotFound;
        }

        Response.StatusCode = code;
        return View(new ErrorViewModel(code, HttpContext.TraceIdentifier));
    }
}

public sealed record HomeViewModel(IReadOnlyList<RegionSummaryViewModel> Regions)
{
    public int Rigs => Regions.Sum(r => r.Rigs);
    public int Schools => Regions.Sum(r => r.Schools);
    public int SchoolsWithoutRig => Regions.Sum(r => r.Schools - r.SchoolsWithRig);
}

public sealed record RegionSummaryViewModel(string Slug, string Name, Country Country, int Schools, int SchoolsWithRig, int Rigs);

public sealed record ErrorViewModel(int StatusCode, string TraceId)
{
    public bool IsNotFound => StatusCode == StatusCodes.Status404NotFound;
}
